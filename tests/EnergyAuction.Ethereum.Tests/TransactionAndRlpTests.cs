using System.Numerics;
using System.Text.Json;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;
using EnergyAuction.Ethereum.Rlp;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Ethereum.Tests;

public class TransactionAndRlpTests
{
    [Test]
    public void Signed_legacy_and_1559_transactions_are_byte_equal_to_ethers()
    {
        foreach (var v in Vectors.Items("transactions.json"))
        {
            var key = new EthECKey(v.Str("privateKey"));
            var to = v.GetProperty("to").ValueKind == JsonValueKind.Null ? null : v.Str("to");
            BigInteger N(string p) => BigInteger.Parse(v.GetProperty(p).ToString());
            var data = HexConvert.FromHex(v.Str("data"));
            var raw = v.GetProperty("type").GetInt32() == 0
                ? new LegacyTransaction(N("nonce"), N("gasPrice"), N("gasLimit"), to, N("value"), data).Sign(key, N("chainId"))
                : new Eip1559Transaction(N("nonce"), N("maxPriorityFeePerGas"), N("maxFeePerGas"), N("gasLimit"), to, N("value"), data).Sign(key, N("chainId"));
            Assert.That(HexConvert.ToHex(raw), Is.EqualTo(v.Str("signed")));
            Assert.That(HexConvert.ToHex(Keccak256.Hash(raw)), Is.EqualTo(v.Str("hash")));
        }
    }

    [Test]
    public void Rlp_encodes_like_ethers_and_decodes_back_to_the_same_tree()
    {
        foreach (var v in Vectors.Items("rlp.json"))
        {
            var tree = ToTree(v.GetProperty("input"));
            var encoded = Rlp.Rlp.Encode(tree);
            Assert.That(HexConvert.ToHex(encoded), Is.EqualTo(v.Str("encoded")));
            Assert.That(Rlp.Rlp.Encode(Rlp.Rlp.Decode(encoded)), Is.EqualTo(encoded));
        }
    }

    [Test]
    public void Malformed_rlp_is_rejected_with_a_format_error()
    {
        Assert.Throws<FormatException>(() => Rlp.Rlp.Decode([0x83, 0x01]));
        Assert.Throws<FormatException>(() => Rlp.Rlp.Decode([0x81, 0x05]));
        Assert.Throws<FormatException>(() => Rlp.Rlp.Decode([0x01, 0x02]));
        Assert.Throws<FormatException>(() => Rlp.Rlp.Decode([0xb8, 0x02, 0x01, 0x02]));
    }

    private static object ToTree(JsonElement e) => e.ValueKind == JsonValueKind.Array
        ? e.EnumerateArray().Select(ToTree).ToList()
        : HexConvert.FromHex(e.GetString()!);
}
