using System.Numerics;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Settlement;

/// <summary>
/// MARKET.md "Settlement" as a pure function in integer wei, so the contract's payouts can be
/// checked against it: delivery split, fees, penalties, payouts, refunds, collateral back.
/// </summary>
public static class WindowSettlement
{
    /// <param name="window">C_d, L, π.</param>
    /// <param name="clearingPrice">p0, wei per kWh.</param>
    /// <param name="offers">Every offer of the window that posted collateral (unmatched ones get it all back).</param>
    /// <param name="bids">Every bid of the window that escrowed (unmatched ones get it all back).</param>
    /// <param name="matches">The matches in pairing (posting) order.</param>
    /// <param name="receivedWh">R_b per bid id; required for every matched bid.</param>
    /// <exception cref="SettlementException">Inputs that do not fit together, or that the contract rejects.</exception>
    public static SettlementResult Settle(
        WindowParameters window,
        BigInteger clearingPrice,
        IReadOnlyList<Order> offers,
        IReadOnlyList<Order> bids,
        IReadOnlyList<PairedMatch> matches,
        IReadOnlyDictionary<string, long> receivedWh)
    {
        var offerById = ById(offers, "offer");
        var bidById = ById(bids, "bid");
        foreach (var match in matches)
        {
            if (!offerById.ContainsKey(match.OfferId))
                throw new SettlementException($"match names offer {match.OfferId}, which is not in the window");
            if (!bidById.ContainsKey(match.BidId))
                throw new SettlementException($"match names bid {match.BidId}, which is not in the window");
            if (match.EnergyWh <= 0)
                throw new SettlementException($"match {match.OfferId}->{match.BidId} has no energy");
        }

        CheckNotOverAllocated(matches, offerById, m => m.OfferId, "offer");
        CheckNotOverAllocated(matches, bidById, m => m.BidId, "bid");

        var delivered = DeliveredPerMatch(matches, receivedWh);
        var settled = matches.Select((m, i) => SettleMatch(window, clearingPrice, m, delivered[i])).ToArray();

        var byOffer = settled.ToLookup(s => s.OfferId, StringComparer.Ordinal);
        var byBid = settled.ToLookup(s => s.BidId, StringComparer.Ordinal);
        var offerAccounts = offers.Select(o =>
        {
            var own = byOffer[o.Id].ToArray();
            var collateral = Collateral.ForOffer(o.EnergyWh, window.PenaltyWeiPerKwh);
            var back = collateral - own.Aggregate(BigInteger.Zero, (sum, s) => sum + Collateral.ForOffer(s.EnergyWh, window.PenaltyWeiPerKwh));
            return new OfferAccount(o.Id, collateral, back, own.Aggregate(back, (sum, s) => sum + s.SellerReceives));
        }).ToArray();

        var bidAccounts = bids.Select(b =>
        {
            var own = byBid[b.Id].ToArray();
            var escrow = Escrow.ForBid(b.EnergyWh, b.Price, window.GridChargeWeiPerKwhPerKm, window.MaxDistanceM);
            var owed = own.Aggregate(BigInteger.Zero, (sum, s) => sum + s.BuyerPays);
            // The buyer's rounded-up fee halves can exceed the escrow by a few wei when P(b) = p0; as on
            // chain, the fee recipient forgoes those wei so the buyer never pays more than it escrowed.
            var forgone = BigInteger.Max(owed - escrow, BigInteger.Zero);
            var paid = owed - forgone;
            return new BidAccount(b.Id, escrow, own.Sum(s => s.DeliveredWh), paid, escrow - paid,
                own.Aggregate(BigInteger.Zero, (sum, s) => sum + s.Penalty), forgone);
        }).ToArray();

        return new SettlementResult(settled, offerAccounts, bidAccounts);
    }

    private static MatchSettlement SettleMatch(WindowParameters window, BigInteger p0, PairedMatch match, long deliveredWh)
    {
        var fee = GridFee.For(deliveredWh, window.GridChargeWeiPerKwhPerKm, match.DistanceM);
        var sellerFee = GridFee.SellerShare(fee);
        var buyerFee = GridFee.BuyerShare(fee);
        var value = Money.Cost(deliveredWh, p0);
        if (value < sellerFee)
            throw new SettlementException($"FeeAbovePrice({match.OfferId}, {match.BidId}): seller's fee half {sellerFee} wei exceeds the energy's value {value} wei");
        var penalty = Money.Cost(match.EnergyWh - deliveredWh, window.PenaltyWeiPerKwh);
        var collateral = Collateral.ForOffer(match.EnergyWh, window.PenaltyWeiPerKwh);
        return new MatchSettlement(match.OfferId, match.BidId, match.EnergyWh, match.DistanceM, deliveredWh,
            fee, sellerFee, buyerFee, value - sellerFee + collateral - penalty, value + buyerFee, penalty);
    }

    private static long[] DeliveredPerMatch(IReadOnlyList<PairedMatch> matches, IReadOnlyDictionary<string, long> receivedWh)
    {
        var delivered = new long[matches.Count];
        foreach (var group in matches.Select((m, i) => (m, i)).GroupBy(x => x.m.BidId, StringComparer.Ordinal))
        {
            if (!receivedWh.TryGetValue(group.Key, out var received))
                throw new SettlementException($"no meter reading R_b for matched bid {group.Key}");
            var indexes = group.Select(x => x.i).ToArray();
            var split = DeliverySplit.Spread(received, indexes.Select(i => matches[i].EnergyWh).ToArray());
            for (var k = 0; k < indexes.Length; k++)
                delivered[indexes[k]] = split[k];
        }

        return delivered;
    }

    private static void CheckNotOverAllocated(IReadOnlyList<PairedMatch> matches, Dictionary<string, Order> orders, Func<PairedMatch, string> id, string side)
    {
        foreach (var group in matches.GroupBy(id, StringComparer.Ordinal))
        {
            var total = group.Aggregate(Int128.Zero, (sum, m) => sum + m.EnergyWh);
            if (total > orders[group.Key].EnergyWh)
                throw new SettlementException($"{side} {group.Key} is matched for {total} Wh, more than its {orders[group.Key].EnergyWh} Wh");
        }
    }

    private static Dictionary<string, Order> ById(IReadOnlyList<Order> orders, string side)
    {
        var byId = new Dictionary<string, Order>(orders.Count, StringComparer.Ordinal);
        foreach (var order in orders)
        {
            if (!byId.TryAdd(order.Id, order))
                throw new SettlementException($"{side} id {order.Id} appears twice");
        }

        return byId;
    }
}
