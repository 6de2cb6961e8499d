using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Transactions;

namespace EnergyAuction.Chain.Tests;

public class TransactionTests
{
    [Test]
    public void Signed_legacy_and_1559_transactions_are_byte_equal_to_ethers()
    {
        foreach (var v in Vectors.Items("transactions.json"))
        {
            var key = new AccountKey(v.Str("privateKey"));
            var to = v.GetProperty("to").ValueKind == JsonValueKind.Null ? null : v.Str("to");
            BigInteger N(string p) => BigInteger.Parse(v.GetProperty(p).ToString());
            var data = HexConvert.FromHex(v.Str("data"));
            var raw = v.GetProperty("type").GetInt32() == 0
                ? RawTransactions.Legacy(key, N("chainId"), N("nonce"), N("gasPrice"), N("gasLimit"), to, N("value"), data)
                : RawTransactions.Eip1559(key, N("chainId"), N("nonce"), N("maxPriorityFeePerGas"), N("maxFeePerGas"), N("gasLimit"), to, N("value"), data);
            Assert.That(HexConvert.ToHex(raw), Is.EqualTo(v.Str("signed")), $"type {v.GetProperty("type").GetInt32()} to {to ?? "(deploy)"}");
            Assert.That(HexConvert.ToHex(Keccak256.Hash(raw)), Is.EqualTo(v.Str("hash")));
        }
    }
}
