using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Chain.Rpc;

/// <summary>The outcome of a mined transaction.</summary>
public sealed record TransactionReceipt(
    string TransactionHash, ulong BlockNumber, string BlockHash, int TransactionIndex, string From, string? To,
    string? ContractAddress, bool Succeeded, BigInteger GasUsed, BigInteger EffectiveGasPrice, IReadOnlyList<FilterLog> Logs)
{
    internal static TransactionReceipt FromJson(JsonElement e) => new(
        e.Required("transactionHash"),
        e.U64("blockNumber"),
        e.Required("blockHash"),
        (int)e.Quantity("transactionIndex"),
        e.Address("from")!,
        e.Address("to"),
        e.Address("contractAddress"),
        e.Str("status") is { } s && s != "0x0",
        e.Quantity("gasUsed"),
        e.OptionalQuantity("effectiveGasPrice") ?? BigInteger.Zero,
        [.. e.GetProperty("logs").EnumerateArray().Select(FilterLog.FromJson)]);
}
