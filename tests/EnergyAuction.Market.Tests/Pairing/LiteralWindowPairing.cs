using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Tests.Pairing;

/// <summary>
/// MARKET.md "Pairing" rounds read literally: drop unreachable orders until none is left, clear, pair with
/// <see cref="AllPairsGreedy"/>, remove the unplaced winner of least surplus, repeat.
/// </summary>
public static class LiteralWindowPairing
{
    public static (ClearingResult Clearing, List<PairedMatch> Matches, HashSet<string> Removed) ClearAndPair(WindowBook book, FeederDistances distances, PairingParameters p)
    {
        var offers = book.Offers.ToList();
        var bids = book.Bids.ToList();
        var who = book.Participants;
        var removed = new HashSet<string>();
        while (true)
        {
            bool Reaches(Order a, IEnumerable<Order> others) =>
                others.Any(o => distances.Metres(who[a.Id].Bus, who[o.Id].Bus) <= p.MaxDistanceM && who[a.Id].Owner != who[o.Id].Owner);
            while ((offers.FirstOrDefault(o => !Reaches(o, bids)) ?? bids.FirstOrDefault(b => !Reaches(b, offers))) is { } lonely)
            {
                offers.Remove(lonely);
                bids.Remove(lonely);
                removed.Add(lonely.Id);
            }

            var result = ClearingMechanisms.For(p.Mechanism).Clear(new OrderBook(offers, bids));
            var (matches, unplaced) = AllPairsGreedy.Pair(result, book, distances, p.GridCharge, p.MaxDistanceM, p.MaxMatchesPerBid);
            if (!result.Trades || unplaced.Count == 0)
                return (result, matches, removed);
            var p0 = result.Price!.Value;
            var victim = offers.Where(o => unplaced.ContainsKey(o.Id)).Select(o => (o, Surplus: p0 - o.Price, BidFirst: 1))
                .Concat(bids.Where(b => unplaced.ContainsKey(b.Id)).Select(b => (o: b, Surplus: b.Price - p0, BidFirst: 0)))
                .OrderBy(c => c.Surplus).ThenBy(c => c.BidFirst).ThenByDescending(c => c.o.Seq).First().o;
            offers.Remove(victim);
            bids.Remove(victim);
            removed.Add(victim.Id);
        }
    }
}
