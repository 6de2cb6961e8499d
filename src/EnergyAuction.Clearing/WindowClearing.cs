using System.Globalization;
using EnergyAuction.Chain;
using EnergyAuction.Market;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;
using ChainSide = EnergyAuction.Chain.OrderSide;

namespace EnergyAuction.Clearing;

/// <summary>
/// A window's clearing as an honest operator posts it: the window's mechanism from the market engine on its valid
/// orders (engine id = on-chain order id, seq = the global order id), score pairing with distances between the meters'
/// feeder buses and the window's maximum distance as everyone's preference, then the contract's own checks on every
/// match. Orders whose bus is not on the feeder cannot be paired and stay out of the clearing.
/// </summary>
public static class WindowClearing
{
    /// <summary>The plan for a window. Deterministic: the same orders always give the same matches.</summary>
    /// <param name="parameters">The window's parameters (mechanism, C_d, maximum distance).</param>
    /// <param name="orders">The window's valid orders (<see cref="WindowOrderBook"/>).</param>
    /// <param name="feeder">Distances between feeder buses; a meter's bus number is the bus's name.</param>
    /// <param name="maxMatchesPerBid">The contract's limit of matches per bid.</param>
    public static ClearingPlan Compute(WindowParams parameters, IReadOnlyList<WindowOrder> orders, FeederDistances feeder, uint maxMatchesPerBid)
    {
        var trading = orders.Where(o => feeder.Contains(Bus(o))).ToList();
        var offers = trading.Where(o => o.Order.Side == ChainSide.Offer).Select(ToEngine).ToList();
        var bids = trading.Where(o => o.Order.Side == ChainSide.Bid).Select(ToEngine).ToList();
        var result = ClearingMechanisms.For(ChainMechanisms.ToEngine(parameters.Mechanism)).Clear(new OrderBook(offers, bids));
        if (result.Price is not { } price) return new ClearingPlan(0, []);

        var participants = trading.ToDictionary(Id, o => new Participant(Bus(o), parameters.MaxDistanceM), StringComparer.Ordinal);
        var paired = ScorePairing.Pair(result, offers, bids, participants, feeder, parameters.GridCharge);
        var matches = paired.Select(m => new ChainMatch(ulong.Parse(m.OfferId, CultureInfo.InvariantCulture),
            ulong.Parse(m.BidId, CultureInfo.InvariantCulture), (ulong)m.EnergyWh, (uint)Math.Min(m.DistanceM, uint.MaxValue))).ToList();
        var problem = ContractMatchChecks.WouldReject(parameters, price, matches, maxMatchesPerBid);
        // A clearing the contract refuses would leave the window to be cancelled; no trade lets it close normally.
        return problem is null ? new ClearingPlan(price, matches) : new ClearingPlan(0, [], problem);
    }

    private static Order ToEngine(WindowOrder o) => new(Id(o), checked((long)o.Order.EnergyWh), o.Order.Price, checked((long)o.OrderId));

    private static string Id(WindowOrder o) => o.OrderId.ToString(CultureInfo.InvariantCulture);

    private static string Bus(WindowOrder o) => o.Bus.ToString(CultureInfo.InvariantCulture);
}
