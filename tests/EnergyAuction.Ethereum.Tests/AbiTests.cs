using System.Numerics;
using System.Text.Json;
using EnergyAuction.Ethereum.Abi;
using EnergyAuction.Ethereum.Contracts;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Tests;

public class AbiTests
{
    private const string Market = """
        [
          {"type":"function","name":"placeBid","stateMutability":"payable","inputs":[{"name":"windowId","type":"uint256"},{"name":"energyWh","type":"uint64"},{"name":"priceWeiPerKWh","type":"uint256"}],"outputs":[{"name":"","type":"uint256"}]},
          {"type":"function","name":"postClearing","stateMutability":"nonpayable","inputs":[{"name":"windowId","type":"uint256"},{"name":"matches","type":"tuple[]","components":[{"name":"offerId","type":"uint256"},{"name":"bidId","type":"uint256"},{"name":"energyWh","type":"uint64"}]},{"name":"resultHash","type":"bytes32"}],"outputs":[]},
          {"type":"event","name":"BidPlaced","anonymous":false,"inputs":[{"name":"windowId","type":"uint256","indexed":true},{"name":"bidId","type":"uint256","indexed":true},{"name":"buyer","type":"address","indexed":true},{"name":"energyWh","type":"uint64","indexed":false},{"name":"priceWeiPerKWh","type":"uint256","indexed":false}]},
          {"type":"event","name":"Note","anonymous":false,"inputs":[{"name":"tag","type":"string","indexed":true},{"name":"payload","type":"bytes","indexed":false}]},
          {"type":"error","name":"WrongPhase","inputs":[{"name":"windowId","type":"uint256"},{"name":"expected","type":"uint8"},{"name":"actual","type":"uint8"}]}
        ]
        """;

    public sealed record Match(BigInteger OfferId, BigInteger BidId, ulong EnergyWh);

    [Test]
    public void Encodings_of_nested_types_equal_ethers_and_decode_back_to_the_same_values()
    {
        foreach (var v in Vectors.Items("abi.json"))
        {
            var types = v.GetProperty("types").EnumerateArray().Select(t => AbiType.Parse(t.GetString()!)).ToList();
            var values = v.GetProperty("values").EnumerateArray().Select((e, i) => FromJson(types[i], e)).ToList();
            var encoded = AbiEncoder.Encode(types, values);
            var label = string.Join(",", types);
            Assert.That(HexConvert.ToHex(encoded), Is.EqualTo(v.Str("encoded")), label);
            var decoded = AbiDecoder.Decode(types, encoded);
            Assert.That(AbiEncoder.Encode(types, decoded), Is.EqualTo(encoded), label);
            Assert.That(Normalise(decoded), Is.EqualTo(Normalise(values)), label);
        }
    }

    [Test]
    public void Function_event_and_error_selectors_equal_ethers()
    {
        var abi = ContractAbi.Parse(Market);
        var expected = Vectors.Load("selectors.json").GetProperty("items").EnumerateArray()
            .ToDictionary(e => e.Str("signature"), e => e.Str("selector"));
        foreach (var f in abi.Functions) Assert.That(f.SelectorHex, Is.EqualTo(expected[f.Signature]));
        foreach (var e in abi.Events) Assert.That(e.TopicHex, Is.EqualTo(expected[e.Signature]));
        foreach (var e in abi.Errors) Assert.That(HexConvert.ToHex(e.Selector), Is.EqualTo(expected[e.Signature]));
    }

    [Test]
    public void Event_logs_made_by_ethers_decode_into_named_fields()
    {
        var abi = ContractAbi.Parse(Market);
        var vectors = Vectors.Load("selectors.json");
        var log = vectors.GetProperty("bidPlacedLog");
        var fields = abi.Event("BidPlaced").Decode(Topics(log), HexConvert.FromHex(log.Str("data")));
        Assert.That(fields["windowId"], Is.EqualTo(new BigInteger(7)));
        Assert.That(fields["bidId"], Is.EqualTo(new BigInteger(3)));
        Assert.That(fields["buyer"], Is.EqualTo(Vectors.Items("keys.json").First().Str("address")));
        Assert.That(fields["energyWh"], Is.EqualTo(new BigInteger(1500)));
        Assert.That(fields["priceWeiPerKWh"], Is.EqualTo(BigInteger.Parse("210000000000000000")));

        var note = vectors.GetProperty("noteLog");
        var noteFields = abi.Event("Note").Decode(Topics(note), HexConvert.FromHex(note.Str("data")));
        Assert.That(noteFields["tag"], Is.EqualTo(Crypto.Keccak256.Hash("solar")), "indexed strings are only their hash");
        Assert.That(noteFields["payload"], Is.EqualTo(new byte[] { 1, 2 }));
        Assert.That(EventAbi.EncodeTopic(AbiType.Parse("string"), "solar"), Is.EqualTo(Topics(note)[1]));
    }

    [Test]
    public void A_custom_error_reads_as_its_name_and_arguments()
    {
        var abi = ContractAbi.Parse(Market, "EnergyTrade");
        var data = HexConvert.FromHex(Vectors.Load("selectors.json").Str("wrongPhaseRevert"));
        var error = ContractRevertException.FromRevertData(data, abi);
        Assert.That(error.Message, Is.EqualTo("EnergyTrade reverted: WrongPhase(3, 1, 2)"));
        Assert.That(error.ErrorName, Is.EqualTo("WrongPhase"));
    }

    [Test]
    public void Error_string_and_panic_reverts_read_as_their_reason()
    {
        var reason = ContractRevertException.FromRevertData(ErrorAbi.ErrorString.Encode("not operator"), null);
        Assert.That(reason.Message, Is.EqualTo("contract reverted: not operator"));
        var panic = ContractRevertException.FromRevertData(ErrorAbi.Panic.Encode(0x11), null);
        Assert.That(panic.Message, Does.Contain("arithmetic overflow"));
        var unknown = ContractRevertException.FromRevertData([0xde, 0xad, 0xbe, 0xef], null);
        Assert.That(unknown.ErrorName, Is.EqualTo("0xdeadbeef"));
    }

    [Test]
    public void Records_encode_as_tuples_and_decode_back_into_records()
    {
        var abi = ContractAbi.Parse(Market);
        var post = abi.Function("postClearing");
        Match[] matches = [new(1, 2, 1500), new(3, 4, 250)];
        var viaRecords = post.EncodeCall([5, matches, new byte[32]]);
        var viaArrays = post.EncodeCall([5, new object[] { new object[] { 1, 2, 1500 }, new object[] { 3, 4, 250 } }, new byte[32]]);
        Assert.That(viaRecords, Is.EqualTo(viaArrays));

        var args = post.DecodeInput(viaRecords);
        var back = AbiDecoder.MapTo<Match[]>([args[1]]);
        Assert.That(back, Is.EqualTo(matches));
    }

    [Test]
    public void Values_that_do_not_fit_their_type_are_refused_with_the_type_named()
    {
        var e = Assert.Catch<ArgumentException>(() => AbiEncoder.Encode(["uint8"], 256));
        Assert.That(e!.Message, Does.Contain("uint8"));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(["address"], "0x1234"));
        Assert.Throws<ArgumentException>(() => AbiEncoder.Encode(["bytes4"], new byte[3]));
        Assert.Throws<FormatException>(() => AbiDecoder.Decode(["uint256"], new byte[31]));
    }

    [Test]
    public void Tuple_types_parse_from_canonical_strings_and_json_alike()
    {
        var fromString = AbiType.Parse("(uint256,uint256,uint64)[]");
        var fromJson = ContractAbi.Parse(Market).Function("postClearing").Inputs[1].Type;
        Assert.That(fromJson.Canonical, Is.EqualTo(fromString.Canonical));
        Assert.That(fromJson.Element!.Components.Select(c => c.Name), Is.EqualTo(new[] { "offerId", "bidId", "energyWh" }));
    }

    private static List<string> Topics(JsonElement log) =>
        log.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();

    private static object? FromJson(AbiType type, JsonElement e) => type.Kind switch
    {
        AbiKind.Uint or AbiKind.Int => BigInteger.Parse(e.GetString()!),
        AbiKind.Bool => e.GetBoolean(),
        AbiKind.Bytes or AbiKind.FixedBytes => HexConvert.FromHex(e.GetString()!),
        AbiKind.Address or AbiKind.String => e.GetString(),
        AbiKind.Tuple => e.EnumerateArray().Select((x, i) => FromJson(type.Components[i].Type, x)).ToArray(),
        _ => e.EnumerateArray().Select(x => FromJson(type.Element!, x)).ToArray(),
    };

    private static string Normalise(IEnumerable<object?> values) => JsonSerializer.Serialize(values.Select(Plain));

    private static object? Plain(object? v) => v switch
    {
        BigInteger b => b.ToString(),
        byte[] b => HexConvert.ToHex(b),
        object?[] a => a.Select(Plain).ToArray(),
        _ => v,
    };
}
