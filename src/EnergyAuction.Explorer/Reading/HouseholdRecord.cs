using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using Money = EnergyAuction.Market.Money;

namespace EnergyAuction.Explorer.Reading;

/// <summary>One window as one household took part in it: energy sold and bought (matched), the window's price, and
/// its settlement from the contract's MatchSettled events (paid, paid out, penalties, escrow returned).</summary>
public sealed record HouseholdWindow(ulong WindowId, WindowInfo Window, ulong SoldWh, ulong BoughtWh, BigInteger Paid, BigInteger PaidOut,
    BigInteger Penalties, BigInteger Refunded, int SettledMatches);

/// <summary>A household's orders (found by its submissions' events, read in batches) and the windows they were in.</summary>
public sealed record HouseholdRecord(string Owner, IReadOnlyList<(ulong Id, OrderInfo Order)> Orders, IReadOnlyList<HouseholdWindow> Windows)
{
    public static async Task<HouseholdRecord> ReadAsync(MarketReader reader, string owner, CancellationToken ct)
    {
        var trade = reader.Market.Trade;
        var from = reader.Market.Deployment.Block;
        var offers = await trade.GetEventsAsync<OfferSubmittedEvent>(from, null, [null, null, owner], ct);
        var bids = await trade.GetEventsAsync<BidSubmittedEvent>(from, null, [null, null, owner], ct);
        var ids = offers.Select(e => e.Event.OrderId).Concat(bids.Select(e => e.Event.OrderId)).Order().ToList();
        var orders = ids.Zip(await trade.GetOrdersAsync(ids, ct), (id, order) => (Id: id, Order: order)).ToList();

        var windows = new List<HouseholdWindow>();
        foreach (var group in orders.GroupBy(o => o.Order.WindowId).OrderBy(g => g.Key))
        {
            var window = await trade.GetWindowAsync(group.Key, ct);
            var mine = group.ToDictionary(o => o.Id, o => o.Order);
            var settled = window.MatchCount == 0 ? []
                : (await trade.GetEventsAsync<MatchSettledEvent>(from, null, [group.Key], ct)).Select(e => e.Event).ToList();
            windows.Add(Settle(group.Key, window, mine, settled));
        }
        return new HouseholdRecord(owner, orders, windows);
    }

    // The contract credits a bid's owner once per bid (its escrow less what it paid, plus the sellers' penalties) and each
    // seller per match (payment less its fee half, plus the buyer's penalty).
    private static HouseholdWindow Settle(ulong id, WindowInfo window, Dictionary<ulong, OrderInfo> mine, List<MatchSettledEvent> settled)
    {
        BigInteger paid = 0, paidOut = 0, penalties = 0, refunded = 0;
        foreach (var bid in settled.Where(e => mine.ContainsKey(e.BidId)).GroupBy(e => e.BidId))
        {
            var bidPaid = bid.Aggregate(BigInteger.Zero, (s, e) => s + Money.Cost((long)e.TradedWh, window.Price) + e.FeeHalf + e.BuyerPenalty);
            var bidPenalties = bid.Aggregate(BigInteger.Zero, (s, e) => s + e.SellerPenalty);
            paid += bidPaid;
            penalties += bidPenalties;
            refunded += mine[bid.Key].Deposit - bidPaid + bidPenalties;
        }
        foreach (var e in settled.Where(e => mine.ContainsKey(e.OfferId)))
        {
            paidOut += Money.Cost((long)e.TradedWh, window.Price) - e.FeeHalf + e.BuyerPenalty;
            penalties += e.BuyerPenalty;
        }
        var sold = mine.Values.Where(o => o.Side == OrderSide.Offer).Aggregate(0UL, (s, o) => s + o.MatchedWh);
        var bought = mine.Values.Where(o => o.Side == OrderSide.Bid).Aggregate(0UL, (s, o) => s + o.MatchedWh);
        var count = settled.Count(e => mine.ContainsKey(e.BidId) || mine.ContainsKey(e.OfferId));
        return new HouseholdWindow(id, window, sold, bought, paid, paidOut, penalties, refunded, count);
    }
}
