using System.Numerics;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing" (score matching): repeatedly take the remaining (bid, offer) pair with the
/// highest score (ties: lower bid seq, then lower offer seq), match min(remaining bid, remaining
/// offer), until every winning bid is filled.
/// </summary>
/// <remarks>
/// Scores do not change as energy is used up, so the greedy equals walking all pairs in score order
/// and skipping exhausted ones. Instead of sorting all pairs, each bid keeps a heap of its
/// candidates and a global heap holds each bid's best candidate; entries naming an exhausted offer
/// are skipped when they surface. Same result, far fewer comparisons.
/// </remarks>
public static class ScorePairing
{
    /// <param name="result">The clearing result to pair; it must trade equal energy on both sides.</param>
    /// <param name="offers">The window's offers (at least every winning one).</param>
    /// <param name="bids">The window's bids (at least every winning one).</param>
    /// <param name="participants">Bus and distance preference per order id (ids are unique across both sides on chain).</param>
    /// <param name="distances">Distances on the feeder the participants' buses are on.</param>
    /// <param name="gridChargeWeiPerKwhPerKm">C_d.</param>
    /// <returns>Matches in pairing order.</returns>
    public static IReadOnlyList<PairedMatch> Pair(
        ClearingResult result,
        IReadOnlyList<Order> offers,
        IReadOnlyList<Order> bids,
        IReadOnlyDictionary<string, Participant> participants,
        FeederDistances distances,
        BigInteger gridChargeWeiPerKwhPerKm)
    {
        if (result.Price is not { } p0)
            return [];
        if (result.OfferAllocations.TotalWh != result.BidAllocations.TotalWh)
            throw new PairingException(
                $"clearing result is unbalanced: offers {result.OfferAllocations.TotalWh} Wh, bids {result.BidAllocations.TotalWh} Wh");

        var sellers = Side.Of(result.OfferAllocations, offers, participants, "offer");
        var buyers = Side.Of(result.BidAllocations, bids, participants, "bid");
        var buses = sellers.Bus.Concat(buyers.Bus).Distinct(StringComparer.Ordinal).ToArray();
        var busIndex = buses.Select((bus, i) => (bus, i)).ToDictionary(x => x.bus, x => x.i, StringComparer.Ordinal);
        var metres = distances.MetresBetween(buses);
        var sellerBus = sellers.Bus.Select(b => busIndex[b]).ToArray();
        var buyerBus = buyers.Bus.Select(b => busIndex[b]).ToArray();

        var sellerWelfare = sellers.Orders.Select((o, i) => (double)Welfare.OfSeller(p0, o.Price, sellers.Remaining[i])).ToArray();
        var buyerWelfare = buyers.Orders.Select((b, i) => (double)Welfare.OfBuyer(p0, b.Price, buyers.Remaining[i])).ToArray();
        var gridCharge = (double)gridChargeWeiPerKwhPerKm;
        var offerSeq = sellers.Orders.Select(o => o.Seq).ToArray();

        var candidates = new BidCandidates[buyers.Orders.Length];
        var queue = new PriorityQueue<int, (double Score, long BidSeq, long OfferSeq)>(buyers.Orders.Length, PairOrder.Instance);
        for (var b = 0; b < candidates.Length; b++)
        {
            var scores = new double[sellers.Orders.Length];
            var bidPrice = (double)buyers.Orders[b].Price;
            for (var s = 0; s < scores.Length; s++)
            {
                var d = metres[buyerBus[b], sellerBus[s]];
                scores[s] = PairingScore.Of(bidPrice, gridCharge, (sellerWelfare[s] + buyerWelfare[b]) / 2, d,
                    buyers.Preference[b], sellers.Preference[s]);
            }

            candidates[b] = new BidCandidates(scores, offerSeq);
            Enqueue(b, candidates[b].Best(sellers.Remaining));
        }

        var matches = new List<PairedMatch>();
        while (queue.TryDequeue(out var bid, out _))
        {
            var offer = candidates[bid].Current;
            if (sellers.Remaining[offer] > 0)
            {
                var energy = Math.Min(buyers.Remaining[bid], sellers.Remaining[offer]);
                buyers.Remaining[bid] -= energy;
                sellers.Remaining[offer] -= energy;
                matches.Add(new PairedMatch(sellers.Orders[offer].Id, buyers.Orders[bid].Id, energy,
                    metres[buyerBus[bid], sellerBus[offer]]));
            }

            if (buyers.Remaining[bid] > 0)
                Enqueue(bid, candidates[bid].Best(sellers.Remaining));
        }

        return matches;

        void Enqueue(int bid, int offer) =>
            queue.Enqueue(bid, (candidates[bid].Score(offer), buyers.Orders[bid].Seq, offerSeq[offer]));
    }

    /// <summary>One side's winners: orders, remaining energy to pair, buses and preferences.</summary>
    private sealed record Side(Order[] Orders, long[] Remaining, string[] Bus, long[] Preference)
    {
        public static Side Of(Allocations winners, IReadOnlyList<Order> orders, IReadOnlyDictionary<string, Participant> participants, string side)
        {
            var byId = new Dictionary<string, Order>(orders.Count, StringComparer.Ordinal);
            foreach (var order in orders)
                byId.TryAdd(order.Id, order);
            var winning = winners.InOrder.Select(w => byId.TryGetValue(w.Id, out var o)
                ? o
                : throw new PairingException($"winning {side} {w.Id} is not among the {side}s")).ToArray();
            var who = winning.Select(o => participants.TryGetValue(o.Id, out var p)
                ? p
                : throw new PairingException($"{side} {o.Id} has no participant (bus and distance preference)")).ToArray();
            return new Side(winning, winners.InOrder.Select(w => w.EnergyWh).ToArray(),
                who.Select(p => p.Bus).ToArray(), who.Select(p => p.DistancePreferenceM).ToArray());
        }
    }

    /// <summary>Global order of pairs: score desc, then bid seq asc, then offer seq asc.</summary>
    private sealed class PairOrder : IComparer<(double Score, long BidSeq, long OfferSeq)>
    {
        public static readonly PairOrder Instance = new();

        public int Compare((double Score, long BidSeq, long OfferSeq) x, (double Score, long BidSeq, long OfferSeq) y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            if (byScore != 0)
                return byScore;
            var byBid = x.BidSeq.CompareTo(y.BidSeq);
            return byBid != 0 ? byBid : x.OfferSeq.CompareTo(y.OfferSeq);
        }
    }
}
