using System.Numerics;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Tests.Pairing;

/// <summary>
/// MARKET.md "Pairing" read literally: every feasible pair of winners scored with the formula as written, sorted by
/// (score desc, bid seq, offer seq) and walked, skipping exhausted orders and bids at the cap; then the unplaced
/// winners. A second implementation for the engine to agree with.
/// </summary>
public static class AllPairsGreedy
{
    public static (List<PairedMatch> Matches, Dictionary<string, long> Unplaced) Pair(ClearingResult result, WindowBook book,
        FeederDistances distances, BigInteger gridCharge, long maxDistance, int cap)
    {
        var matches = new List<PairedMatch>();
        if (result.Price is not { } p0)
            return (matches, []);
        var offers = book.Offers.ToDictionary(o => o.Id);
        var bids = book.Bids.ToDictionary(b => b.Id);
        var who = book.Participants;
        var offerLeft = result.OfferAllocations.ToDictionary(a => a.Key, a => a.Value);
        var bidLeft = result.BidAllocations.ToDictionary(a => a.Key, a => a.Value);
        var feasible = (
            from b in result.BidAllocations
            from s in result.OfferAllocations
            let d = distances.Metres(who[b.Key].Bus, who[s.Key].Bus)
            where d <= maxDistance && gridCharge * d <= 2000 * p0 && who[b.Key].Owner != who[s.Key].Owner
            let w = (double)((p0 - offers[s.Key].Price) * s.Value / 1000) + (double)((bids[b.Key].Price - p0) * b.Value / 1000)
            select (Bid: b.Key, Offer: s.Key, Distance: d, W: w)).ToList();
        var wMax = feasible.Count == 0 ? 0 : feasible.Max(f => f.W);
        var pairs =
            from f in feasible
            let dKm = f.Distance / 1000.0
            let scorePrice = (double)bids[f.Bid].Price - dKm * (double)gridCharge / 2
            let wn = wMax == 0 ? 1 : f.W / wMax
            let fb = f.Distance <= (who[f.Bid].DistancePreferenceM ?? maxDistance) ? 1 : (double)(who[f.Bid].DistancePreferenceM ?? maxDistance) / f.Distance
            let fs = f.Distance <= (who[f.Offer].DistancePreferenceM ?? maxDistance) ? 1 : (double)(who[f.Offer].DistancePreferenceM ?? maxDistance) / f.Distance
            let score = scorePrice * wn * fb * fs
            orderby score descending, bids[f.Bid].Seq, offers[f.Offer].Seq
            select f;
        var count = new Dictionary<string, int>();
        foreach (var (bid, offer, distance, _) in pairs)
        {
            var energy = Math.Min(bidLeft[bid], offerLeft[offer]);
            if (energy == 0 || count.GetValueOrDefault(bid) == cap)
                continue;
            bidLeft[bid] -= energy;
            offerLeft[offer] -= energy;
            count[bid] = count.GetValueOrDefault(bid) + 1;
            matches.Add(new PairedMatch(offer, bid, energy, distance));
        }

        return (matches, offerLeft.Concat(bidLeft).Where(l => l.Value > 0).ToDictionary(l => l.Key, l => l.Value));
    }
}
