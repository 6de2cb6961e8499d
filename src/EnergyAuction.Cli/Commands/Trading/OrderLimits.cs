using System.CommandLine;
using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>What is refused about an order before anything is signed: more energy than the window takes (the contract
/// would revert, after gas), and a bid's price so far above the window's reference price that it is more likely a
/// wrong unit than a wish (sent only with --yes).</summary>
public static class OrderLimits
{
    /// <summary>How many times the reference price a bid may offer without --yes.</summary>
    public const int PriceWarningFactor = 10;

    public static void Require(OrderPlacement order, ulong windowId, WindowParams window, ParseResult parseResult)
    {
        if ((ulong)order.EnergyWh > window.MaxEnergyWh)
            throw CliException.Usage(
                $"--kwh {Amounts.FormatKwh(order.EnergyWh)}: window {windowId} takes orders of at most {Amounts.FormatEnergy((long)window.MaxEnergyWh)}; "
                + "split the order or lower --kwh");
        if (order.MaxDistanceM > window.MaxDistanceM)
            throw CliException.Usage(
                $"--max-distance {order.MaxDistanceM}: window {windowId} pairs orders at most {window.MaxDistanceM} m apart; lower --max-distance or leave it out");
        if (order.Side != OrderSide.Bid || parseResult.GetValue(SharedOptions.Yes) || window.ReferencePrice.IsZero
            || order.Price <= window.ReferencePrice * PriceWarningFactor)
            return;
        var times = (order.Price / window.ReferencePrice).ToString("N0", CultureInfo.InvariantCulture);
        throw CliException.Usage(
            $"--max-price {Amounts.FormatWei(order.Price)}/kWh is {times} times window {windowId}'s reference price {Amounts.FormatWei(window.ReferencePrice)}/kWh; "
            + "check the unit, or pass --yes to bid it anyway");
    }
}
