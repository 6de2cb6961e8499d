using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// Chainlink's jsonparse path: keys separated by '.' (or ',', as in Chainlink's array form),
/// numeric keys index arrays. The value at the path must be a non-negative integer that fits a uint256.
/// </summary>
public static class JsonPath
{
    private static readonly BigInteger Uint256Limit = BigInteger.One << 256;

    /// <summary>The integer at <paramref name="path"/> in <paramref name="json"/>, or why there is none.</summary>
    public static HemsReading ReadUint(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return HemsReading.Failed(HemsFailure.Garbage, $"answer is not JSON: {e.Message}");
        }
        using (document)
        {
            var element = document.RootElement;
            foreach (var key in path.Split('.', ','))
            {
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(key, out var child))
                    element = child;
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
                    element = element[index];
                else
                    return HemsReading.Failed(HemsFailure.Garbage, $"answer has no '{path}' (stuck at '{key}')");
            }
            var raw = element.GetRawText();
            if (element.ValueKind != JsonValueKind.Number || !BigInteger.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                return HemsReading.Failed(HemsFailure.Garbage, $"'{path}' is {raw}, not a non-negative integer");
            return value < Uint256Limit
                ? HemsReading.Of(value)
                : HemsReading.Failed(HemsFailure.Garbage, $"'{path}' is {raw}, too large for a uint256");
        }
    }
}
