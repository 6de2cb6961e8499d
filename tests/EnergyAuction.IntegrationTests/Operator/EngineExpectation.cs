using System.Globalization;
using EnergyAuction.Chain;
using EnergyAuction.Market;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement;
using EnergyAuction.Market.Settlement.BothSides;
using ChainSide = EnergyAuction.Chain.OrderSide;
using EngineMechanism = EnergyAuction.Market.Clearing.Mechanism;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>What the market engine itself says about a window's on-chain orders: its clearing and pairing, and its
/// settlement for given meter readings. Tests compare the chain against it.</summary>
public sealed class EngineExpectation
{
    private EngineExpectation(WindowInfo window, IReadOnlyList<(ulong Id, OrderInfo Order)> orders, OperatorMarket market, uint maxMatchesPerBid)
    {
        Window = window;
        var valid = orders.Where(o => o.Order.Status is OrderStatus.Valid or OrderStatus.Matched or OrderStatus.Settled).ToList();
        var offers = valid.Where(o => o.Order.Side == ChainSide.Offer).Select(ToEngine).ToList();
        var bids = valid.Where(o => o.Order.Side == ChainSide.Bid).Select(ToEngine).ToList();
        // Every household registers its meter to its own key, so the order's owner is the meter's owner; D = L.
        var participants = valid.ToDictionary(o => Id(o.Id), o => new Participant(market.BusOf(o.Order.Meter).ToString(CultureInfo.InvariantCulture), o.Order.Owner.ToLowerInvariant()));
        var paired = WindowPairing.ClearAndPair(new WindowBook(offers, bids, participants), market.Feeder.Distances(),
            new PairingParameters(EngineMechanism.Dpda, window.Params.GridCharge, window.Params.MaxDistanceM, (int)maxMatchesPerBid));
        Clearing = paired.Clearing;
        Matches = paired.Matches;
        AllOffers = [.. orders.Where(o => o.Order.Side == ChainSide.Offer).Select(ToEngine)];
        AllBids = [.. orders.Where(o => o.Order.Side == ChainSide.Bid).Select(ToEngine)];
    }

    public WindowInfo Window { get; }
    public ClearingResult Clearing { get; }
    public IReadOnlyList<PairedMatch> Matches { get; }
    public IReadOnlyList<Order> AllOffers { get; }
    public IReadOnlyList<Order> AllBids { get; }

    public IReadOnlyList<ChainMatch> ChainMatches => [.. Matches.Select(m => new ChainMatch(ulong.Parse(m.OfferId), ulong.Parse(m.BidId), (ulong)m.EnergyWh, (uint)m.DistanceM))];

    public static async Task<EngineExpectation> ForAsync(OperatorMarket market, ulong windowId)
    {
        var window = await market.WindowAsync(windowId);
        var ids = await market.Admin.Trade.GetWindowOrderIdsAsync(windowId);
        var orders = new List<(ulong, OrderInfo)>();
        foreach (var id in ids) orders.Add((id, await market.Admin.Trade.GetOrderAsync(id)));
        var limits = await market.Admin.Trade.GetLimitsAsync();
        return new EngineExpectation(window, orders, market, limits.MaxMatchesPerBid);
    }

    /// <summary>The engine's settlement of the window for the buyers' readings (bid id -> Wh received).</summary>
    public SettlementResult Settle(IReadOnlyDictionary<ulong, long> receivedWh) =>
        WindowSettlement.Settle(
            new WindowParameters(Window.Params.GridCharge, Window.Params.MaxDistanceM, Window.Params.PenaltyRate),
            Clearing.Price ?? 0, AllOffers, AllBids, Matches,
            receivedWh.ToDictionary(r => Id(r.Key), r => r.Value, StringComparer.Ordinal));

    /// <summary>The engine's both-side settlement (MARKET.md v2) for the readings by order id (a buyer's import, a
    /// seller's export); an order without one has a missing reading.</summary>
    public SettledWindow SettleBothSides(IReadOnlyDictionary<ulong, long> readingsWh) =>
        BothSideSettlement.Settle(new WindowToSettle(
            new SettlementParameters(Window.Params.GridCharge, Window.Params.MaxDistanceM, Window.Params.PenaltyRate, 0),
            Clearing.Price ?? 0,
            [.. AllOffers.Select(o => new SettlementOffer(o.Id, o.EnergyWh, Matches.Where(m => m.OfferId == o.Id).Sum(m => m.EnergyWh)))],
            [.. AllBids.Select(b => new SettlementBid(b.Id, b.EnergyWh, b.Price, Matches.Where(m => m.BidId == b.Id).Sum(m => m.EnergyWh)))],
            Matches,
            readingsWh.ToDictionary(r => Id(r.Key), r => (long?)r.Value, StringComparer.Ordinal)));

    private static Order ToEngine((ulong Id, OrderInfo Order) o) => new(Id(o.Id), (long)o.Order.EnergyWh, o.Order.Price, (long)o.Id);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
