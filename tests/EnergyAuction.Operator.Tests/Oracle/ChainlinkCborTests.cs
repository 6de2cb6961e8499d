using System.Numerics;
using EnergyAuction.Operator.Oracle;

namespace EnergyAuction.Operator.Tests.Oracle;

public class ChainlinkCborTests
{
    // Produced by Chainlink.sol (@chainlink/contracts 1.2.0) itself: Vectors/cbor/generate.js.
    private const string GetAndPath =
        "636765747845687474703a2f2f3132372e302e302e313a353038302f6d65746572732f4d2d372f656e657267793f66726f6d3d3137303030303030303026746f3d3137303030303336303064706174686576616c7565";

    private const string EveryType =
        "6574696d6573186463626967c258200000000000000000000000000000000000000000000000400000000000000000636e656724666269676e6567c3582000000000000000000000000000000000000000000000003fffffffffffffffff63726177430102ff64706174689f646461746161306576616c7565ff";

    [Test]
    public void Decodes_the_request_EnergyOracleClient_builds()
    {
        var parameters = ChainlinkCbor.Decode(Convert.FromHexString(GetAndPath));
        Assert.That(parameters, Has.Count.EqualTo(2));
        Assert.That(parameters.Text("get"), Is.EqualTo("http://127.0.0.1:5080/meters/M-7/energy?from=1700000000&to=1700003600"));
        Assert.That(parameters.Text("path"), Is.EqualTo("value"));
    }

    [Test]
    public void Decodes_the_map_as_the_Chainlink_node_wraps_it()
    {
        var wrapped = Convert.FromHexString("bf" + GetAndPath + "ff");
        Assert.That(ChainlinkCbor.Decode(wrapped).Text("path"), Is.EqualTo("value"));
    }

    [Test]
    public void Decodes_every_type_Chainlink_sol_can_add()
    {
        var p = ChainlinkCbor.Decode(Convert.FromHexString(EveryType));
        Assert.That(p["times"], Is.EqualTo(new BigInteger(100)));
        Assert.That(p["big"], Is.EqualTo(BigInteger.Pow(2, 70)));
        Assert.That(p["neg"], Is.EqualTo(new BigInteger(-5)));
        Assert.That(p["bigneg"], Is.EqualTo(-BigInteger.Pow(2, 70)));
        Assert.That(p["raw"], Is.EqualTo(new byte[] { 1, 2, 0xff }));
        Assert.That(p["path"], Is.EqualTo(new object[] { "data", "0", "value" }));
    }

    // RFC 8949 Appendix A examples, each as the value of key "k".
    [TestCase("00", "0")]
    [TestCase("1864", "100")]
    [TestCase("1bffffffffffffffff", "18446744073709551615")]
    [TestCase("c249010000000000000000", "18446744073709551616")]
    [TestCase("3bffffffffffffffff", "-18446744073709551616")]
    [TestCase("3863", "-100")]
    public void Decodes_rfc8949_integers(string item, string expected) =>
        Assert.That(DecodeValue(item), Is.EqualTo(BigInteger.Parse(expected)));

    [TestCase("6449455446", "IETF")]
    [TestCase("62c3bc", "\u00fc")]
    [TestCase("7f657374726561646d696e67ff", "streaming")]
    [TestCase("60", "")]
    public void Decodes_rfc8949_text(string item, string expected) =>
        Assert.That(DecodeValue(item), Is.EqualTo(expected));

    [Test]
    public void Decodes_rfc8949_bytes_arrays_maps_and_simple_values()
    {
        Assert.That(DecodeValue("4401020304"), Is.EqualTo(new byte[] { 1, 2, 3, 4 }));
        Assert.That(DecodeValue("5f42010243030405ff"), Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
        Assert.That(DecodeValue("83010203"), Is.EqualTo(new object[] { new BigInteger(1), new BigInteger(2), new BigInteger(3) }));
        var nested = (IReadOnlyList<object?>)DecodeValue("9f018202039f0405ffff")!;
        Assert.That(nested[2], Is.EqualTo(new object[] { new BigInteger(4), new BigInteger(5) }));
        var map = (IReadOnlyDictionary<string, object?>)DecodeValue("a26161016162820203")!;
        Assert.That(map["a"], Is.EqualTo(new BigInteger(1)));
        Assert.That(DecodeValue("f4"), Is.EqualTo(false));
        Assert.That(DecodeValue("f5"), Is.EqualTo(true));
        Assert.That(DecodeValue("f6"), Is.Null);
    }

    [TestCase("63676574", "ends inside")]
    [TestCase("01616b", "not a text string")]
    [TestCase("616bf93c00", "float")]
    [TestCase("616b7a000000ff", "claims")]
    [TestCase("bf616b01", "break")]
    [TestCase("bf616b01ff00", "trailing")]
    [TestCase("616bd82001", "tag")]
    public void Malformed_data_is_a_format_error(string hex, string reason)
    {
        var e = Assert.Throws<FormatException>(() => ChainlinkCbor.Decode(Convert.FromHexString(hex)));
        Assert.That(e!.Message, Does.Contain(reason));
    }

    private static object? DecodeValue(string item) => ChainlinkCbor.Decode(Convert.FromHexString("616b" + item))["k"];
}
