using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Cli.Output;

/// <summary>Integers of any size as JSON numbers (wei and prices exceed what doubles hold exactly).</summary>
public static class JsonWriterExtensions
{
    public static void WriteNumber(this Utf8JsonWriter writer, string name, BigInteger value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture));
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, BigInteger? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }
}
