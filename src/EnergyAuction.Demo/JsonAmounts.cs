using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Demo;

/// <summary>Reading the CLI's JSON numbers exactly: wei amounts exceed a double's precision, so they are parsed from the text.</summary>
public static class JsonAmounts
{
    public static BigInteger Wei(this JsonElement json, string property)
    {
        var value = json.GetProperty(property);
        return BigInteger.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture);
    }

    public static long Long(this JsonElement json, string property) => (long)json.Wei(property);

    public static ulong ULong(this JsonElement json, string property) => (ulong)json.Wei(property);

    public static string Text(this JsonElement json, string property) => json.GetProperty(property).GetString()!;
}
