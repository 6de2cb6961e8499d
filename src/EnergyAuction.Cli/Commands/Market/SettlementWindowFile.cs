using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.Cli.Commands.Market;

/// <summary>
/// The window file of MARKET.md "energy market settle": {"params": {gridCharge, maxDistance, penaltyRate, orderFee},
/// "price", "offers": [{id, energy, allocation}], "bids": [{id, energy, price, allocation}],
/// "matches": [{offer, bid, energy, distance}] in posted order, "readings": {id: Wh or null}}. Integers may be JSON
/// numbers or decimal strings (what the command writes above 2^53). Every problem is a usage error naming the item.
/// </summary>
public static class SettlementWindowFile
{
    public static WindowToSettle Read(string path)
    {
        if (!File.Exists(path))
            throw CliException.Usage($"--input: file {path} does not exist");
        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (IOException e)
        {
            throw CliException.Failure($"cannot read {path}: {e.Message}", e);
        }
    }

    public static WindowToSettle Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw CliException.Usage($"{source} is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw CliException.Usage($"{source}: expected a JSON object with \"params\", \"price\", \"offers\", \"bids\" and \"matches\"");
            if (!root.TryGetProperty("params", out var p) || p.ValueKind != JsonValueKind.Object)
                throw CliException.Usage($"{source}: missing \"params\" object");
            var parameters = new SettlementParameters(
                Integer(p, "gridCharge", $"{source}: params"),
                Long(p, "maxDistance", $"{source}: params"),
                Integer(p, "penaltyRate", $"{source}: params"),
                Integer(p, "orderFee", $"{source}: params"));
            var price = Integer(root, "price", source);
            var offers = List(root, "offers", source, (e, where) => new SettlementOffer(Id(e, "id", where), Long(e, "energy", where), Long(e, "allocation", where)), "offer");
            var bids = List(root, "bids", source, (e, where) => new SettlementBid(Id(e, "id", where), Long(e, "energy", where), Integer(e, "price", where), Long(e, "allocation", where)), "bid");
            var matches = List(root, "matches", source, (e, where) => new PairedMatch(Id(e, "offer", where), Id(e, "bid", where), Long(e, "energy", where), Long(e, "distance", where)), "match");
            var window = new WindowToSettle(parameters, price, offers, bids, matches, Readings(root, source));
            try
            {
                SettlementInputRules.Validate(window);
            }
            catch (SettlementInputException e)
            {
                throw CliException.Usage($"{source}: {e.Message}", e);
            }

            return window;
        }
    }

    private static T[] List<T>(JsonElement root, string property, string source, Func<JsonElement, string, T> parse, string item)
    {
        if (!root.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
            throw CliException.Usage($"{source}: missing \"{property}\" array");
        return list.EnumerateArray().Select((element, index) =>
        {
            var where = $"{source}: {item} #{index}";
            if (element.ValueKind != JsonValueKind.Object)
                throw CliException.Usage($"{where}: expected an object");
            if (element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                where = $"{where} (id \"{id.GetString()}\")";
            return parse(element, where);
        }).ToArray();
    }

    private static Dictionary<string, long?> Readings(JsonElement root, string source)
    {
        var readings = new Dictionary<string, long?>(StringComparer.Ordinal);
        if (!root.TryGetProperty("readings", out var map) || map.ValueKind == JsonValueKind.Null)
            return readings;
        if (map.ValueKind != JsonValueKind.Object)
            throw CliException.Usage($"{source}: \"readings\" must be an object of order id to Wh or null");
        foreach (var reading in map.EnumerateObject())
        {
            var where = $"{source}: reading \"{reading.Name}\"";
            readings[reading.Name] = reading.Value.ValueKind == JsonValueKind.Null ? null : ToLong(IntegerValue(reading.Value, where), where);
        }

        return readings;
    }

    private static string Id(JsonElement element, string field, string where) =>
        element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } id
            ? id
            : throw CliException.Usage($"{where}: {field} is missing or not a non-empty string");

    private static long Long(JsonElement element, string field, string where) => ToLong(Integer(element, field, where), $"{where}: {field}");

    private static long ToLong(BigInteger value, string where) =>
        value >= long.MinValue && value <= long.MaxValue ? (long)value : throw CliException.Usage($"{where}: {value} is out of range");

    private static BigInteger Integer(JsonElement element, string field, string where) =>
        element.TryGetProperty(field, out var value)
            ? IntegerValue(value, $"{where}: {field}")
            : throw CliException.Usage($"{where}: {field} is missing");

    private static BigInteger IntegerValue(JsonElement value, string where)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString(),
            _ => null,
        };
        return text is not null && BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
            ? integer
            : throw CliException.Usage($"{where} must be an integer, got {value.GetRawText()}");
    }
}
