using System.CommandLine;
using System.Globalization;
using EnergyAuction.Cli.Output;
using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Cli.Commands.Market;

/// <summary>
/// `energy market clear --input FILE [--mechanism NAME] [--json]`: clears one order book
/// (MARKET.md "energy market clear") and prints the winners, their allocations and the price.
/// </summary>
public static class MarketClearCommand
{
    public static Command Build(CliContext context)
    {
        var input = new Option<string>("--input", "-i") { Description = "Order book JSON file (format: MARKET.md)", Required = true };
        var mechanismOverride = new Option<string?>("--mechanism")
        {
            Description = "Clear with this mechanism instead of the file's: dpda, mcafee or uniform",
        };
        mechanismOverride.AcceptOnlyFromAmong("dpda", "mcafee", "uniform");

        var command = new Command("clear", "Clear an order book and print the price and allocations\n\nExample:\n  energy market clear --input book.json --mechanism dpda --json") { input, mechanismOverride };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(input);
            var contents = OrderBookFile.Read(path);
            var mechanism = parseResult.GetValue(mechanismOverride) is { } name ? ClearingMechanisms.Parse(name) : contents.Mechanism;
            if (parseResult.GetValue(SharedOptions.Verbose))
                context.Error.WriteLine($"{path}: {contents.Book.Offers.Count} offers, {contents.Book.Bids.Count} bids; clearing with {ClearingMechanisms.Name(mechanism)}");
            var result = ClearingMechanisms.For(mechanism).Clear(contents.Book);
            Print(context.For(parseResult), mechanism, result);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CommandOutput output, Mechanism mechanism, ClearingResult result)
    {
        if (output.Json)
        {
            output.WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("mechanism", ClearingMechanisms.Name(mechanism));
                json.WriteNumberOrNull("price", result.Price);
                WriteAllocations(json, "offers", result.OfferAllocations);
                WriteAllocations(json, "bids", result.BidAllocations);
                json.WriteEndObject();
            });
            return;
        }

        var price = result.Price is { } p0 ? $"{Amounts.FormatWei(p0)}/kWh" : "none (no trade)";
        output.WriteLine($"mechanism: {ClearingMechanisms.Name(mechanism)}");
        output.WriteLine($"price:     {price}");
        output.WriteLine($"traded:    {result.TradedWh.ToString(CultureInfo.InvariantCulture)} Wh");
        if (!result.Trades)
            return;
        var table = new Table("side", "id", "energy (Wh)", "energy").AlignRight(2, 3);
        foreach (var (id, wh) in result.OfferAllocations)
            table.Add("offer", id, wh.ToString(CultureInfo.InvariantCulture), Amounts.FormatEnergy(wh));
        foreach (var (id, wh) in result.BidAllocations)
            table.Add("bid", id, wh.ToString(CultureInfo.InvariantCulture), Amounts.FormatEnergy(wh));
        output.WriteTable(table);
    }

    private static void WriteAllocations(System.Text.Json.Utf8JsonWriter json, string name, Allocations allocations)
    {
        json.WriteStartObject(name);
        foreach (var (id, wh) in allocations)
            json.WriteNumber(id, wh);
        json.WriteEndObject();
    }
}
