using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing", unplaced winners: of the winners the greedy pass left with energy, the one to remove is the one
/// of least surplus (a bid's P(b) - p0, an offer's p0 - P(s)); ties: the bid first, then the higher seq.
/// </summary>
internal static class UnplacedWinner
{
    public static (Order Order, OrderSide Side) LeastSurplus(ClearingResult result, WindowBook book, IReadOnlyDictionary<string, long> unplaced)
    {
        var p0 = result.Price!.Value;
        var candidates =
            book.Offers.Where(o => unplaced.ContainsKey(o.Id)).Select(o => (Order: o, Side: OrderSide.Offer, Surplus: p0 - o.Price))
                .Concat(book.Bids.Where(b => unplaced.ContainsKey(b.Id)).Select(b => (Order: b, Side: OrderSide.Bid, Surplus: b.Price - p0)));
        var least = candidates
            .OrderBy(c => c.Surplus)
            .ThenBy(c => c.Side == OrderSide.Bid ? 0 : 1)
            .ThenByDescending(c => c.Order.Seq)
            .First();
        return (least.Order, least.Side);
    }
}
