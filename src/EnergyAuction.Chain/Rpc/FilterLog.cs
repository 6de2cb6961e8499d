using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Rpc;

/// <summary>One log entry from a receipt or eth_getLogs.</summary>
public sealed record FilterLog(
    string Address, IReadOnlyList<string> Topics, string Data, ulong BlockNumber, string TransactionHash,
    int LogIndex, bool Removed)
{
    public byte[] DataBytes => HexConvert.FromHex(Data);

    internal static FilterLog FromJson(JsonElement e) => new(
        ChainAddress.ToChecksum(e.Required("address")),
        [.. e.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!)],
        e.Required("data"),
        e.U64("blockNumber"),
        e.Required("transactionHash"),
        (int)e.Quantity("logIndex"),
        e.TryGetProperty("removed", out var r) && r.ValueKind == JsonValueKind.True);
}
