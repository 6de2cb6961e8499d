using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Cli.Output;

/// <summary>Integers of any size, exactly: up to 2^53 as JSON numbers, beyond it as decimal strings, since most JSON readers
/// (JavaScript, jq) hold numbers as doubles and would round 9998159150642616319 wei silently.</summary>
public static class JsonWriterExtensions
{
    private static readonly BigInteger LargestExactDouble = BigInteger.Pow(2, 53);

    public static void WriteNumber(this Utf8JsonWriter writer, string name, BigInteger value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (BigInteger.Abs(value) > LargestExactDouble)
        {
            writer.WriteString(name, text);
            return;
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(text);
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, BigInteger? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }
}
