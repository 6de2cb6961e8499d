using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Operator.Clearing;

/// <summary>
/// Why a window cleared to no match, in one line an operator can act on, e.g.
/// "dpda: 1 offer, 1 bid: trade reduction leaves nothing" or "uniform: 2 offers, 1 bid: no bid at or above the lowest offer".
/// </summary>
public static class ZeroMatchReason
{
    /// <summary>The reason for the window's empty clearing of <paramref name="orders"/> (its valid orders).</summary>
    public static string Explain(WindowParams parameters, IReadOnlyList<WindowOrder> orders, FeederDistances feeder, uint maxMatchesPerBid)
    {
        var offers = orders.Where(o => o.Order.Side == OrderSide.Offer).ToList();
        var bids = orders.Where(o => o.Order.Side == OrderSide.Bid).ToList();
        var head = $"{ChainMechanisms.Name(parameters.Mechanism)}: {Count(offers.Count, "offer")}, {Count(bids.Count, "bid")}";
        if (offers.Count == 0 || bids.Count == 0) return $"{head}: nothing to match on the other side";

        var offFeeder = orders.Count(o => !feeder.Contains(o.Bus.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (offFeeder == orders.Count) return $"{head}: no order's meter is on a bus of the feeder";
        if (bids.Max(b => b.Order.Price) < offers.Min(o => o.Order.Price))
            return $"{head}: no bid at or above the lowest offer";

        var paired = WindowClearing.ClearAndPair(parameters, orders, feeder, maxMatchesPerBid);
        var unreachable = paired.Removed.Count(r => r.Reason == RemovalReason.Unreachable);
        if (unreachable + offFeeder == orders.Count)
            return $"{head}: no offer and bid of different owners within L = {parameters.MaxDistanceM} m of each other";
        if (paired.Price is null)
            return $"{head}: trade reduction leaves nothing" + (unreachable > 0 ? $" ({Count(unreachable, "order")} out of reach removed first)" : "");
        return $"{head}: every winner was removed by the pairing ({Count(paired.Removed.Count, "order")} removed)";
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
