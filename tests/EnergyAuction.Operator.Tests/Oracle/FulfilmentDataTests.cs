using System.Numerics;
using EnergyAuction.Operator.Oracle;

namespace EnergyAuction.Operator.Tests.Oracle;

public class FulfilmentDataTests
{
    // Expected bytes from ethers 6: AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [id, value]).
    [TestCase("0xababababababababababababababababababababababababababababababab01", "4321",
        "ababababababababababababababababababababababababababababababab0100000000000000000000000000000000000000000000000000000000000010e1")]
    [TestCase("0x0000000000000000000000000000000000000000000000000000000000000007",
        "115792089237316195423570985008687907853269984665640564039457584007913129639935",
        "0000000000000000000000000000000000000000000000000000000000000007ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void Encodes_request_id_then_value_as_abi_words(string requestId, string value, string expected) =>
        Assert.That(Convert.ToHexStringLower(FulfilmentData.Encode(requestId, BigInteger.Parse(value))), Is.EqualTo(expected));

    [Test]
    public void Rejects_values_that_are_not_uint256()
    {
        var id = "0x" + new string('1', 64);
        Assert.Throws<ArgumentOutOfRangeException>(() => FulfilmentData.Encode(id, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => FulfilmentData.Encode(id, BigInteger.One << 256));
        Assert.Throws<FormatException>(() => FulfilmentData.Encode("0x1234", 1));
    }
}
