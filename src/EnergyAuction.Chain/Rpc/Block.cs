using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Chain.Rpc;

/// <summary>A block header with its transaction hashes.</summary>
public sealed record Block(
    ulong Number, string Hash, string ParentHash, ulong Timestamp, BigInteger GasLimit, BigInteger GasUsed,
    BigInteger? BaseFeePerGas, IReadOnlyList<string> TransactionHashes)
{
    internal static Block FromJson(JsonElement e) => new(
        e.U64("number"), e.Required("hash"), e.Required("parentHash"), e.U64("timestamp"),
        e.Quantity("gasLimit"), e.Quantity("gasUsed"), e.OptionalQuantity("baseFeePerGas"),
        [.. e.GetProperty("transactions").EnumerateArray()
            .Select(t => t.ValueKind == JsonValueKind.String ? t.GetString()! : t.Required("hash"))]);
}
