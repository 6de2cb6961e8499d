using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Rpc;

/// <summary>eth_feeHistory: base fees (one more than the block count: the last is the next block's) and priority-fee percentiles.</summary>
public sealed record FeeHistory(
    ulong OldestBlock, IReadOnlyList<BigInteger> BaseFeePerGas, IReadOnlyList<IReadOnlyList<BigInteger>> Reward)
{
    internal static FeeHistory FromJson(JsonElement e) => new(
        e.U64("oldestBlock"),
        e.TryGetProperty("baseFeePerGas", out var b) && b.ValueKind == JsonValueKind.Array
            ? [.. b.EnumerateArray().Select(x => HexConvert.ParseQuantity(x.GetString()!))]
            : [],
        e.TryGetProperty("reward", out var r) && r.ValueKind == JsonValueKind.Array
            ? [.. r.EnumerateArray().Select(row => (IReadOnlyList<BigInteger>)[.. row.EnumerateArray().Select(x => HexConvert.ParseQuantity(x.GetString()!))])]
            : []);
}
