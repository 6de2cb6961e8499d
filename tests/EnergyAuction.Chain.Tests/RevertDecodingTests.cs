using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Tests;

public class RevertDecodingTests
{
    [Test]
    public void A_custom_error_encoded_by_ethers_reads_as_its_name_and_arguments_against_our_contract()
    {
        var data = HexConvert.FromHex(Vectors.Load("selectors.json").Str("wrongPhaseRevert"));
        var error = ContractRevertException.FromRevertData(data, ChainAbis.EnergyTrade);
        Assert.That(error.Message, Is.EqualTo("EnergyTrade reverted: WrongPhase(3, 1, 2)"));
        Assert.That(error.ErrorName, Is.EqualTo("WrongPhase"));
    }

    [Test]
    public void Error_string_and_panic_reverts_read_as_their_reason_and_unknown_ones_as_their_selector()
    {
        // Error("not operator") and Panic(0x11), as solc encodes them.
        var reason = ContractRevertException.FromRevertData(HexConvert.FromHex(
            "0x08c379a00000000000000000000000000000000000000000000000000000000000000020000000000000000000000000000000000000000000000000000000000000000c6e6f74206f70657261746f720000000000000000000000000000000000000000"), null);
        Assert.That(reason.Message, Is.EqualTo("contract reverted: not operator"));
        var panic = ContractRevertException.FromRevertData(HexConvert.FromHex(
            "0x4e487b710000000000000000000000000000000000000000000000000000000000000011"), null);
        Assert.That(panic.Message, Does.Contain("arithmetic overflow"));
        var unknown = ContractRevertException.FromRevertData([0xde, 0xad, 0xbe, 0xef], ChainAbis.EnergyTrade);
        Assert.That(unknown.ErrorName, Is.EqualTo("0xdeadbeef"));
        Assert.That(ContractRevertException.FromRevertData([], null).Message, Is.EqualTo("contract reverted without a reason"));
    }
}
