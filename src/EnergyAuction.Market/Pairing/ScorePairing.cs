using System.Numerics;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing" greedy pass (score matching): repeatedly take the feasible (bid, offer) pair with the highest
/// score (ties: lower bid seq, then lower offer seq) that has energy left on both sides, match min(remaining bid,
/// remaining offer); a bid at the cap on matches leaves the pass. What a winner could not place is reported, not fixed
/// here (<see cref="WindowPairing"/> removes unplaced winners and clears again).
/// </summary>
/// <remarks>
/// Scores do not change as energy is used up, so the greedy equals walking all feasible pairs in score order and
/// skipping exhausted ones. Instead of sorting all pairs, each bid keeps its candidates (a scan, then a heap only if
/// needed) and a global heap holds each bid's best candidate; entries naming an exhausted offer are skipped.
/// </remarks>
public static class ScorePairing
{
    /// <param name="result">The clearing of <paramref name="book"/>; it must trade equal energy on both sides.</param>
    /// <param name="book">The orders (at least every winner) with their participants.</param>
    /// <param name="feeder">Distances on the feeder the participants' buses are on.</param>
    /// <param name="parameters">C_d, L and the cap on matches per bid (the mechanism is not used here).</param>
    public static PairingOutcome Pair(ClearingResult result, WindowBook book, FeederDistances feeder, PairingParameters parameters) =>
        Pair(result, book, new BookDistances(book, feeder), parameters);

    internal static PairingOutcome Pair(ClearingResult result, WindowBook book, BookDistances distances, PairingParameters parameters)
    {
        if (result.Price is not { } p0)
            return new PairingOutcome([], new Dictionary<string, long>());
        if (result.OfferAllocations.TotalWh != result.BidAllocations.TotalWh)
            throw new PairingException(
                $"clearing result is unbalanced: offers {result.OfferAllocations.TotalWh} Wh, bids {result.BidAllocations.TotalWh} Wh");

        var sellers = Side.Of(result.OfferAllocations, book.Offers, book.Participants, "offer", parameters.MaxDistanceM);
        var buyers = Side.Of(result.BidAllocations, book.Bids, book.Participants, "bid", parameters.MaxDistanceM);
        // Every (bid, offer) pair is visited: what depends on one side only (bus, welfare as a double, the fee's
        // reach at p0) is worked out once per order, not once per pair.
        var sellerWelfare = sellers.Orders.Select((o, i) => (double)Welfare.OfSeller(p0, o.Price, sellers.Remaining[i])).ToArray();
        var buyerWelfare = buyers.Orders.Select((b, i) => (double)Welfare.OfBuyer(p0, b.Price, buyers.Remaining[i])).ToArray();
        var sellerBus = sellers.Orders.Select(o => distances.BusOf(o.Id)).ToArray();
        var buyerBus = buyers.Orders.Select(b => distances.BusOf(b.Id)).ToArray();
        var feeReach = FeasiblePair.FeeReachM(parameters.GridCharge, p0);

        // Feasible pairs first, then W_max over them, then the scores: one pass counts each bid's feasible offers and
        // finds W_max, a second fills each bid's candidates at their exact size.
        var feasibleCount = new int[buyers.Orders.Length];
        var maxWelfare = 0.0;
        for (var b = 0; b < buyers.Orders.Length; b++)
        {
            for (var s = 0; s < sellers.Orders.Length; s++)
            {
                if (!Feasible(b, s, out _))
                    continue;
                feasibleCount[b]++;
                maxWelfare = Math.Max(maxWelfare, Welfare.OfPair(sellerWelfare[s], buyerWelfare[b]));
            }
        }

        var offerSeq = sellers.Orders.Select(o => o.Seq).ToArray();
        var gridCharge = (double)parameters.GridCharge;
        var candidates = new BidCandidates[buyers.Orders.Length];
        var queue = new PriorityQueue<int, (double Score, long BidSeq, long OfferSeq)>(buyers.Orders.Length, PairOrder.Instance);
        var matchCount = new int[buyers.Orders.Length];
        for (var b = 0; b < candidates.Length; b++)
        {
            var bidPrice = (double)buyers.Orders[b].Price;
            var (offers, scores, metres) = (new int[feasibleCount[b]], new double[feasibleCount[b]], new long[feasibleCount[b]]);
            for (int s = 0, k = 0; s < sellers.Orders.Length; s++)
            {
                if (!Feasible(b, s, out var d))
                    continue;
                (offers[k], metres[k]) = (s, d);
                scores[k++] = PairingScore.Of(bidPrice, d, gridCharge, Welfare.Normalised(Welfare.OfPair(sellerWelfare[s], buyerWelfare[b]), maxWelfare),
                    buyers.Preference[b], sellers.Preference[s]);
            }

            candidates[b] = new BidCandidates(offers, scores, metres, offerSeq);
            EnqueueBest(b);
        }

        var matches = new List<PairedMatch>();
        while (queue.TryDequeue(out var bid, out _))
        {
            var offer = candidates[bid].CurrentOffer;
            if (sellers.Remaining[offer] > 0)
            {
                var energy = Math.Min(buyers.Remaining[bid], sellers.Remaining[offer]);
                buyers.Remaining[bid] -= energy;
                sellers.Remaining[offer] -= energy;
                matchCount[bid]++;
                matches.Add(new PairedMatch(sellers.Orders[offer].Id, buyers.Orders[bid].Id, energy, candidates[bid].CurrentDistance));
            }

            if (buyers.Remaining[bid] > 0 && matchCount[bid] < parameters.MaxMatchesPerBid)
                EnqueueBest(bid);
        }

        var unplaced = new Dictionary<string, long>(StringComparer.Ordinal);
        AddUnplaced(unplaced, sellers);
        AddUnplaced(unplaced, buyers);
        return new PairingOutcome(matches, unplaced);

        bool Feasible(int bid, int offer, out long distanceM)
        {
            distanceM = distances.Metres(buyerBus[bid], sellerBus[offer]);
            return distanceM <= feeReach && FeasiblePair.WithinReach(distanceM, parameters.MaxDistanceM, buyers.Owner[bid], sellers.Owner[offer]);
        }

        void EnqueueBest(int bid)
        {
            var offer = candidates[bid].Best(sellers.Remaining);
            if (offer >= 0)
                queue.Enqueue(bid, (candidates[bid].CurrentScore, buyers.Orders[bid].Seq, offerSeq[offer]));
        }
    }

    private static void AddUnplaced(Dictionary<string, long> unplaced, Side side)
    {
        for (var i = 0; i < side.Orders.Length; i++)
        {
            if (side.Remaining[i] > 0)
                unplaced[side.Orders[i].Id] = side.Remaining[i];
        }
    }

    /// <summary>One side's winners: orders, remaining energy to pair, owners and preferences (D, or L when none is given).</summary>
    private sealed record Side(Order[] Orders, long[] Remaining, string[] Owner, long[] Preference)
    {
        public static Side Of(Allocations winners, IReadOnlyList<Order> orders, IReadOnlyDictionary<string, Participant> participants, string side, long maxDistanceM)
        {
            var byId = new Dictionary<string, Order>(orders.Count, StringComparer.Ordinal);
            foreach (var order in orders)
                byId.TryAdd(order.Id, order);
            var winning = winners.InOrder.Select(w => byId.TryGetValue(w.Id, out var o)
                ? o
                : throw new PairingException($"winning {side} {w.Id} is not among the {side}s")).ToArray();
            var who = winning.Select(o => participants.TryGetValue(o.Id, out var p)
                ? p
                : throw new PairingException($"{side} {o.Id} has no participant (bus, owner and distance preference)")).ToArray();
            return new Side(winning, winners.InOrder.Select(w => w.EnergyWh).ToArray(),
                who.Select(p => p.Owner).ToArray(), who.Select(p => p.DistancePreferenceM ?? maxDistanceM).ToArray());
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
