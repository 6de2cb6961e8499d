using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain;

namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// The outcome of a batched HEMS query (<c>GET /readings</c>, docs/HEMS.md): per position asked, the meter, its import
/// and export and whether it was read, as a Chainlink job's jsonparse of <c>meters</c>, <c>imports</c>,
/// <c>exports</c> and <c>read</c> takes them; or a failure with its detail.
/// </summary>
public sealed record HemsReadings(IReadOnlyList<HemsMeterReading>? Readings, HemsFailure? Failure, string? Detail)
{
    private static readonly BigInteger Uint256Limit = BigInteger.One << 256;

    /// <summary>No readings, and why.</summary>
    public static HemsReadings Failed(HemsFailure failure, string detail) => new(null, failure, detail);

    /// <summary>True when <see cref="Readings"/> holds the answer.</summary>
    public bool Succeeded => Readings is not null;

    /// <summary>The answer's four arrays, which must be of one length; a meter id must be a valid one.</summary>
    public static HemsReadings Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Failed(HemsFailure.Garbage, $"answer is not JSON: {e.Message}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Failed(HemsFailure.Garbage, "answer is not a JSON object");
            var arrays = new Dictionary<string, JsonElement>();
            foreach (var name in new[] { "meters", "imports", "exports", "read" })
            {
                if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
                    return Failed(HemsFailure.Garbage, $"answer has no '{name}' array");
                arrays[name] = array;
            }
            var n = arrays["meters"].GetArrayLength();
            if (arrays.Values.Any(a => a.GetArrayLength() != n))
                return Failed(HemsFailure.Garbage, "the answer's arrays differ in length");
            var readings = new List<HemsMeterReading>(n);
            for (var i = 0; i < n; i++)
            {
                var meter = arrays["meters"][i];
                if (meter.ValueKind != JsonValueKind.String || !MeterId.IsValid(meter.GetString()))
                    return Failed(HemsFailure.Garbage, $"meters[{i}] is {Quote(meter)}, not a meter id");
                if (Wh(arrays["imports"][i]) is not { } import) return Failed(HemsFailure.Garbage, $"imports[{i}] is {Quote(arrays["imports"][i])}, not Wh");
                if (Wh(arrays["exports"][i]) is not { } export) return Failed(HemsFailure.Garbage, $"exports[{i}] is {Quote(arrays["exports"][i])}, not Wh");
                var read = arrays["read"][i];
                if (read.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    return Failed(HemsFailure.Garbage, $"read[{i}] is {Quote(read)}, not true or false");
                readings.Add(new HemsMeterReading(MeterId.ToBytes32(meter.GetString()!), import, export, read.GetBoolean()));
            }
            return new HemsReadings(readings, null, null);
        }
    }

    private static BigInteger? Wh(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number
        && BigInteger.TryParse(element.GetRawText(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        && value < Uint256Limit
            ? value
            : null;

    private static string Quote(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 32 ? raw : raw[..32] + "...";
    }
}
