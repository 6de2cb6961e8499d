using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Chain.Rpc;

/// <summary>A transaction as eth_getTransactionByHash reports it (BlockNumber is null while pending).</summary>
public sealed record RpcTransaction(string Hash, string From, string? To, BigInteger Nonce, ulong? BlockNumber, string Input, BigInteger Value, int Type)
{
    internal static RpcTransaction FromJson(JsonElement e) => new(
        e.Required("hash"), e.Address("from")!, e.Address("to"), e.Quantity("nonce"),
        e.Str("blockNumber") is { } _ ? e.U64("blockNumber") : null, e.Str("input") ?? "0x", e.Quantity("value"),
        e.Str("type") is { } t ? (int)Hex.HexConvert.ParseQuantity(t) : 0);
}
