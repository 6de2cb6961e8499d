using System.Globalization;
using EnergyAuction.Chain;
using EnergyAuction.Market;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;
using ChainSide = EnergyAuction.Chain.OrderSide;

namespace EnergyAuction.Clearing;

/// <summary>
/// A window's clearing as an honest operator posts it: the market engine's one entry point
/// (<see cref="WindowPairing.ClearAndPair"/>: feasible pairs only, unreachable and unplaced orders removed, the window's
/// mechanism, score pairing) on its valid orders (engine id = on-chain order id, seq = the global order id), each
/// order's participant being its meter's feeder bus and owner, and D the distance preference the order stored on chain
/// (MARKET.md "Orders"), the contract's cap on matches per bid; then the contract's own checks on every match. Orders whose bus is not on the feeder cannot
/// be paired and stay out of the clearing.
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
        var paired = ClearAndPair(parameters, orders, feeder, maxMatchesPerBid);
        if (paired.Price is not { } price) return new ClearingPlan(0, []);

        var matches = paired.Matches.Select(m => new ChainMatch(ulong.Parse(m.OfferId, CultureInfo.InvariantCulture),
            ulong.Parse(m.BidId, CultureInfo.InvariantCulture), (ulong)m.EnergyWh, (uint)Math.Min(m.DistanceM, uint.MaxValue))).ToList();
        var problem = ContractMatchChecks.WouldReject(parameters, price, matches, maxMatchesPerBid);
        // A clearing the contract refuses would leave the window to be cancelled; no trade lets it close normally.
        return problem is null ? new ClearingPlan(price, matches) : new ClearingPlan(0, [], problem);
    }

    /// <summary>The engine's clearing and pairing of a window's valid orders, as <see cref="Compute"/> posts it.</summary>
    public static PairedWindow ClearAndPair(WindowParams parameters, IReadOnlyList<WindowOrder> orders, FeederDistances feeder, uint maxMatchesPerBid)
    {
        var trading = orders.Where(o => feeder.Contains(Bus(o))).ToList();
        var offers = trading.Where(o => o.Order.Side == ChainSide.Offer).Select(ToEngine).ToList();
        var bids = trading.Where(o => o.Order.Side == ChainSide.Bid).Select(ToEngine).ToList();
        // Addresses compare case-insensitively; the engine compares owners as exact strings.
        var participants = trading.ToDictionary(Id, o => new Participant(Bus(o), o.MeterOwner.ToLowerInvariant(), Preference(o)), StringComparer.Ordinal);
        var rules = new PairingParameters(ChainMechanisms.ToEngine(parameters.Mechanism), parameters.GridCharge, parameters.MaxDistanceM,
            (int)Math.Min(maxMatchesPerBid, int.MaxValue));
        return WindowPairing.ClearAndPair(new WindowBook(offers, bids, participants), feeder, rules);
    }

    private static Order ToEngine(WindowOrder o) => new(Id(o), checked((long)o.Order.EnergyWh), o.Order.Price, checked((long)o.OrderId));

    private static string Id(WindowOrder o) => o.OrderId.ToString(CultureInfo.InvariantCulture);

    private static string Bus(WindowOrder o) => o.Bus.ToString(CultureInfo.InvariantCulture);

    /// <summary>The order's D; an order read without one (0) takes L, as the contract stores it.</summary>
    private static long? Preference(WindowOrder o) => o.Order.MaxDistanceM == 0 ? null : o.Order.MaxDistanceM;
}
