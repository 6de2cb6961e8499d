using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Rpc;

/// <summary>An eth_getLogs filter. Each topic position is null (any), or a list of alternatives.</summary>
public sealed record LogFilter(
    IReadOnlyList<string>? Addresses = null, IReadOnlyList<IReadOnlyList<string>?>? Topics = null,
    ulong? FromBlock = null, ulong? ToBlock = null)
{
    public static LogFilter ForAddress(string address, ulong fromBlock = 0, ulong? toBlock = null,
        IReadOnlyList<IReadOnlyList<string>?>? topics = null) => new([address], topics, fromBlock, toBlock);

    internal Dictionary<string, object> ToJson()
    {
        var json = new Dictionary<string, object>
        {
            ["fromBlock"] = FromBlock is { } f ? HexConvert.ToQuantity(f) : "earliest",
            ["toBlock"] = ToBlock is { } t ? HexConvert.ToQuantity(t) : "latest",
        };
        if (Addresses is { Count: > 0 }) json["address"] = Addresses;
        if (Topics is { Count: > 0 }) json["topics"] = Topics;
        return json;
    }
}
