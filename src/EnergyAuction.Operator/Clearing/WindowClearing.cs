using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Market;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;
using ChainMechanism = EnergyAuction.Chain.Mechanism;
using ChainSide = EnergyAuction.Chain.OrderSide;

namespace EnergyAuction.Operator.Clearing;

/// <summary>
/// A window's clearing as the operator posts it: the window's mechanism from the market engine on
/// its valid orders (engine id = on-chain order id, seq = the global order id), score pairing with
/// distances between the meters' feeder buses, then the contract's own checks on every match.
/// Orders whose bus is not on the feeder cannot be paired and stay out of the clearing.
/// </summary>
public static class WindowClearing
{
    /// <summary>The plan for a window in Matching. Deterministic: the same orders always give the same matches.</summary>
    /// <param name="parameters">The window's parameters (mechanism, C_d, maximum distance).</param>
    /// <param name="orders">Every order of the window.</param>
    /// <param name="feeder">Distances between feeder buses; a meter's bus number is the bus's name.</param>
    /// <param name="maxMatchesPerBid">The contract's limit of matches per bid.</param>
    public static ClearingPlan Compute(WindowParams parameters, IReadOnlyList<WindowOrder> orders, FeederDistances feeder, uint maxMatchesPerBid)
    {
        var trading = orders.Where(o => o.Trades && feeder.Contains(Bus(o))).ToList();
        var offers = trading.Where(o => o.Order.Side == ChainSide.Offer).Select(ToEngine).ToList();
        var bids = trading.Where(o => o.Order.Side == ChainSide.Bid).Select(ToEngine).ToList();
        var result = ClearingMechanisms.For(ToEngine(parameters.Mechanism)).Clear(new OrderBook(offers, bids));
        if (result.Price is not { } price) return new ClearingPlan(0, []);

        var participants = trading.ToDictionary(Id, o => new Participant(Bus(o), parameters.MaxDistanceM), StringComparer.Ordinal);
        var paired = ScorePairing.Pair(result, offers, bids, participants, feeder, parameters.GridCharge);
        var matches = paired.Select(m => new ChainMatch(ulong.Parse(m.OfferId, CultureInfo.InvariantCulture),
            ulong.Parse(m.BidId, CultureInfo.InvariantCulture), (ulong)m.EnergyWh, (uint)Math.Min(m.DistanceM, uint.MaxValue))).ToList();
        var problem = ContractWouldReject(parameters, price, matches, maxMatchesPerBid);
        // A clearing the contract refuses would leave the window to be cancelled; no trade lets it close normally.
        return problem is null ? new ClearingPlan(price, matches) : new ClearingPlan(0, [], problem);
    }

    /// <summary>Why EnergyTrade.postClearing would refuse these matches (MaxDistance, FeeAbovePrice, TooManyMatchesForBid), or null.</summary>
    public static string? ContractWouldReject(WindowParams parameters, BigInteger price, IReadOnlyList<ChainMatch> matches, uint maxMatchesPerBid)
    {
        foreach (var m in matches)
        {
            if (m.DistanceM > parameters.MaxDistanceM)
                return $"match {m.OfferId}->{m.BidId} spans {m.DistanceM} m, beyond the window's {parameters.MaxDistanceM} m";
            if (price * 2000 < parameters.GridCharge * m.DistanceM)
                return $"match {m.OfferId}->{m.BidId}: the seller's grid-fee half over {m.DistanceM} m exceeds the price";
        }
        var crowded = matches.GroupBy(m => m.BidId).FirstOrDefault(g => g.Count() > maxMatchesPerBid);
        return crowded is null ? null : $"bid {crowded.Key} would need {crowded.Count()} matches, more than {maxMatchesPerBid}";
    }

    private static Order ToEngine(WindowOrder o) => new(Id(o), checked((long)o.Order.EnergyWh), o.Order.Price, checked((long)o.OrderId));

    private static string Id(WindowOrder o) => o.OrderId.ToString(CultureInfo.InvariantCulture);

    private static string Bus(WindowOrder o) => o.Bus.ToString(CultureInfo.InvariantCulture);

    private static Market.Clearing.Mechanism ToEngine(ChainMechanism mechanism) => mechanism switch
    {
        ChainMechanism.Mcafee => Market.Clearing.Mechanism.Mcafee,
        ChainMechanism.Uniform => Market.Clearing.Mechanism.Uniform,
        _ => Market.Clearing.Mechanism.Dpda,
    };
}
