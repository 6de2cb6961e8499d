using System.Numerics;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Rpc;

/// <summary>The transaction-call object of eth_call and eth_estimateGas.</summary>
public sealed record CallInput(string? To, byte[] Data, string? From = null, BigInteger? Value = null, BigInteger? Gas = null)
{
    internal Dictionary<string, string> ToJson()
    {
        var json = new Dictionary<string, string> { ["data"] = HexConvert.ToHex(Data) };
        if (To is not null) json["to"] = To;
        if (From is not null) json["from"] = From;
        if (Value is { } v) json["value"] = HexConvert.ToQuantity(v);
        if (Gas is { } g) json["gas"] = HexConvert.ToQuantity(g);
        return json;
    }
}
