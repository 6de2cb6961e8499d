using System.Numerics;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Tests.Pairing;

/// <summary>MARKET.md's greedy read literally: sort every pair by score, walk them, skip exhausted orders.</summary>
public static class AllPairsGreedy
{
    public static List<PairedMatch> Pair(ClearingResult result, OrderBook book, IReadOnlyDictionary<string, Participant> participants,
        FeederDistances distances, BigInteger gridCharge)
    {
        var matches = new List<PairedMatch>();
        if (result.Price is not { } p0)
            return matches;
        var offers = book.Offers.ToDictionary(o => o.Id);
        var bids = book.Bids.ToDictionary(b => b.Id);
        var offerLeft = result.OfferAllocations.ToDictionary(a => a.Key, a => a.Value);
        var bidLeft = result.BidAllocations.ToDictionary(a => a.Key, a => a.Value);
        var pairs =
            from b in result.BidAllocations
            from s in result.OfferAllocations
            let d = distances.Metres(participants[b.Key].Bus, participants[s.Key].Bus)
            let welfare = ((double)Welfare.OfSeller(p0, offers[s.Key].Price, s.Value) + (double)Welfare.OfBuyer(p0, bids[b.Key].Price, b.Value)) / 2
            let score = PairingScore.Of((double)bids[b.Key].Price, (double)gridCharge, welfare, d,
                participants[b.Key].DistancePreferenceM, participants[s.Key].DistancePreferenceM)
            orderby score descending, bids[b.Key].Seq, offers[s.Key].Seq
            select (Bid: b.Key, Offer: s.Key, Distance: d);
        foreach (var (bid, offer, distance) in pairs)
        {
            var energy = Math.Min(bidLeft[bid], offerLeft[offer]);
            if (energy == 0)
                continue;
            bidLeft[bid] -= energy;
            offerLeft[offer] -= energy;
            matches.Add(new PairedMatch(offer, bid, energy, distance));
        }

        return matches;
    }
}
