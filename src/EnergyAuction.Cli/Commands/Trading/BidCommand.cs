using System.CommandLine;
using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>`energy bid --kwh 10 --max-price 60000gwei --meter ID [--window N] [--yes]`: buy energy.</summary>
public static class BidCommand
{
    public static Command Build(CliContext context)
    {
        var kwh = OrderOptions.Kwh("Energy to buy: kWh (10) or with a unit (10000Wh)");
        var maxPrice = Amounts.PriceOption("--max-price", "Highest acceptable price per kWh, e.g. 60000gwei/kWh");
        maxPrice.Required = true;
        var meter = Meter.MeterOption.Create("Your meter the energy goes to");
        var window = OrderOptions.Window();
        var maxDistance = OrderOptions.MaxDistance();
        var command = new Command("bid",
            "Bid for energy; locks the escrow (price plus the largest grid fee)\n\nExample:\n  energy bid --kwh 2 --max-price 60000gwei --meter M-8 --yes")
        {
            kwh, maxPrice, meter, window, maxDistance, SharedOptions.Yes, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction((parseResult, _) => new OrderPlacement(OrderSide.Bid, parseResult.GetRequiredValue(meter), parseResult.GetValue(kwh),
            parseResult.GetValue(maxPrice), parseResult.GetValue(window), parseResult.GetValue(maxDistance)).RunAsync(context, parseResult));
        return command;
    }
}
