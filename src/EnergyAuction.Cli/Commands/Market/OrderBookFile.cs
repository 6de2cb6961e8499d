using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Market;
using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Cli.Commands.Market;

/// <summary>
/// The order-book file of MARKET.md "energy market clear": {"mechanism", "offers": [...], "bids": [...]},
/// each order {"id": string, "energy": Wh, "price": wei/kWh, "seq": integer}. Every problem is a usage
/// error naming the order and the field.
/// </summary>
public static class OrderBookFile
{
    public sealed record Contents(Mechanism Mechanism, OrderBook Book);

    public static Contents Read(string path)
    {
        if (!File.Exists(path))
            throw CliException.Usage($"--input: file {path} does not exist");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw CliException.Failure($"cannot read {path}: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static Contents Parse(string json, string source)
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
                throw CliException.Usage($"{source}: expected a JSON object with \"offers\" and \"bids\"");
            var book = new OrderBook(Side(root, "offers", "offer", source), Side(root, "bids", "bid", source));
            try
            {
                OrderRules.Validate(book);
            }
            catch (InvalidOrderException e)
            {
                throw CliException.Usage($"{source}: {e.Message}", e);
            }

            return new Contents(MechanismOf(root, source), book);
        }
    }

    private static Mechanism MechanismOf(JsonElement root, string source)
    {
        if (!root.TryGetProperty("mechanism", out var value) || value.ValueKind == JsonValueKind.Null)
            return ClearingMechanisms.Default;
        return value.ValueKind == JsonValueKind.String && ClearingMechanisms.TryParse(value.GetString(), out var mechanism)
            ? mechanism
            : throw CliException.Usage($"{source}: mechanism {value.GetRawText()} is not one of \"dpda\", \"mcafee\", \"uniform\"");
    }

    private static Order[] Side(JsonElement root, string property, string side, string source)
    {
        if (!root.TryGetProperty(property, out var list) || list.ValueKind != JsonValueKind.Array)
            throw CliException.Usage($"{source}: missing \"{property}\" array");
        return list.EnumerateArray().Select((element, index) => ParseOrder(element, $"{source}: {side} #{index}")).ToArray();
    }

    private static Order ParseOrder(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw CliException.Usage($"{where}: expected an object with id, energy, price and seq");
        if (!element.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.String)
            throw CliException.Usage($"{where}: id is missing or not a string");
        var id = idElement.GetString()!;
        where = $"{where} (id \"{id}\")";
        var energy = Integer(element, "energy", where);
        var price = Integer(element, "price", where);
        var seq = Integer(element, "seq", where);
        if (energy > long.MaxValue || energy < long.MinValue)
            throw CliException.Usage($"{where}: energy {energy} is out of range");
        if (seq > long.MaxValue || seq < long.MinValue)
            throw CliException.Usage($"{where}: seq {seq} is out of range");
        return new Order(id, (long)energy, price, (long)seq);
    }

    private static BigInteger Integer(JsonElement order, string field, string where)
    {
        if (!order.TryGetProperty(field, out var value))
            throw CliException.Usage($"{where}: {field} is missing");
        var raw = value.GetRawText();
        if (value.ValueKind != JsonValueKind.Number
            || !BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            throw CliException.Usage($"{where}: {field} must be an integer, got {raw}");
        return integer;
    }
}
