using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Rpc;

/// <summary>Reading JSON-RPC result objects, whose numbers are 0x quantities.</summary>
internal static class JsonRead
{
    public static string? Str(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string Required(this JsonElement e, string name) =>
        e.Str(name) ?? throw new FormatException($"the result has no \"{name}\"");

    public static BigInteger Quantity(this JsonElement e, string name) => HexConvert.ParseQuantity(e.Required(name));

    public static BigInteger? OptionalQuantity(this JsonElement e, string name) =>
        e.Str(name) is { } s ? HexConvert.ParseQuantity(s) : null;

    public static ulong U64(this JsonElement e, string name) => (ulong)e.Quantity(name);

    public static string? Address(this JsonElement e, string name) => e.Str(name) is { } s ? ChainAddress.ToChecksum(s) : null;
}
