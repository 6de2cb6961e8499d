using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Cli.Tests;

/// <summary>An exact integer from `energy --json`: a number up to 2^53, a decimal string beyond.</summary>
public static class JsonWei
{
    public static BigInteger Of(JsonElement value) =>
        BigInteger.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), NumberStyles.None, CultureInfo.InvariantCulture);
}
