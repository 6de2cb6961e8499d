using System.CommandLine;
using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>`energy offer --kwh 7.5 --min-price 54000gwei --meter ID [--window N] [--yes]`: sell surplus energy.</summary>
public static class OfferCommand
{
    public static Command Build(CliContext context)
    {
        var kwh = OrderOptions.Kwh("Energy to sell: kWh (7.5) or with a unit (7500Wh)");
        var minPrice = Amounts.PriceOption("--min-price", "Lowest acceptable price per kWh, e.g. 54000gwei/kWh");
        minPrice.Required = true;
        var meter = Meter.MeterOption.Create("Your meter the energy comes from");
        var window = OrderOptions.Window();
        var maxDistance = OrderOptions.MaxDistance();
        var command = new Command("offer",
            "Offer energy for sale; locks the collateral the window asks for\n\nExample:\n  energy offer --kwh 2 --min-price 40000gwei --meter M-7 --yes")
        {
            kwh, minPrice, meter, window, maxDistance, SharedOptions.Yes, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction((parseResult, _) => new OrderPlacement(OrderSide.Offer, parseResult.GetRequiredValue(meter), parseResult.GetValue(kwh),
            parseResult.GetValue(minPrice), parseResult.GetValue(window), parseResult.GetValue(maxDistance)).RunAsync(context, parseResult));
        return command;
    }
}
