using System.Numerics;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// MARKET.md v2 "Settlement" as a pure function in integer wei: readings on both sides of every match, penalties in
/// both directions, missing readings counted against their owners, fee halves to the DSO, order fees to the operator.
/// (The v1 rules, buyer's reading only, stay in <see cref="WindowSettlement"/> while the v1 contracts run.)
/// </summary>
public static class BothSideSettlement
{
    /// <exception cref="SettlementInputException">Input that breaks <see cref="SettlementInputRules"/>, naming the item.</exception>
    public static SettledWindow Settle(WindowToSettle window)
    {
        SettlementInputRules.Validate(window);
        var p = window.Parameters;
        var p0 = window.Price;
        var matches = window.Matches;

        var sellerWh = new long[matches.Count];
        foreach (var (offerId, indexes) in ByOrder(matches, m => m.OfferId))
        {
            // A missing seller reading counts as having exported nothing.
            var export = Reading(window, offerId) ?? 0;
            Assign(sellerWh, indexes, ProRataSpread.Of(export, indexes.Select(i => matches[i].EnergyWh).ToArray()));
        }

        var buyerWh = new long[matches.Count];
        foreach (var (bidId, indexes) in ByOrder(matches, m => m.BidId))
        {
            if (Reading(window, bidId) is { } import)
                Assign(buyerWh, indexes, ProRataSpread.Of(import, indexes.Select(i => matches[i].EnergyWh).ToArray()));
            else
                foreach (var i in indexes)
                    buyerWh[i] = MissingBuyerReading.Assumed(matches[i].EnergyWh, sellerWh[i], matches[i].DistanceM, p0, p);
        }

        var settled = matches.Select((m, i) => SettleMatch(m, sellerWh[i], buyerWh[i], p0, p)).ToArray();
        var byOffer = settled.ToLookup(s => s.OfferId, StringComparer.Ordinal);
        var byBid = settled.ToLookup(s => s.BidId, StringComparer.Ordinal);

        var accounts = new List<OrderAccount>(window.Offers.Count + window.Bids.Count);
        foreach (var offer in window.Offers)
        {
            var own = byOffer[offer.Id];
            accounts.Add(Account(offer.Id, OrderSide.Offer, Deposits.ForOffer(offer.EnergyWh, p),
                paid: Sum(own, s => s.FeeHalf + s.SellerPenalty),
                received: Sum(own, s => s.Payment + s.BuyerPenalty)));
        }

        foreach (var bid in window.Bids)
        {
            var own = byBid[bid.Id];
            accounts.Add(Account(bid.Id, OrderSide.Bid, Deposits.ForBid(bid.EnergyWh, bid.Price, p),
                paid: Sum(own, s => s.Payment + s.FeeHalf + s.BuyerPenalty),
                received: Sum(own, s => s.SellerPenalty)));
        }

        var dso = Sum(settled, s => 2 * s.FeeHalf);
        var operatorFees = p.OrderFee * (window.Offers.Count + window.Bids.Count);
        return new SettledWindow(settled, accounts, dso, operatorFees);
    }

    private static SettledMatch SettleMatch(PairedMatch m, long sellerWh, long buyerWh, BigInteger p0, SettlementParameters p)
    {
        var traded = Math.Min(buyerWh, sellerWh);
        return new SettledMatch(m.OfferId, m.BidId, m.EnergyWh, m.DistanceM, sellerWh, buyerWh, traded,
            Money.Cost(traded, p0),
            FeeHalf.Of(traded, p.GridCharge, m.DistanceM),
            Money.Cost(m.EnergyWh - sellerWh, p.PenaltyRate),
            Money.Cost(m.EnergyWh - buyerWh, p.PenaltyRate));
    }

    private static OrderAccount Account(string id, OrderSide side, BigInteger deposit, BigInteger paid, BigInteger received) =>
        new(id, side, deposit, paid, received, deposit - paid + received);

    private static long? Reading(WindowToSettle window, string orderId) =>
        window.Readings.TryGetValue(orderId, out var reading) ? reading : null;

    /// <summary>Indexes of each order's matches, in posted order.</summary>
    private static IEnumerable<(string Id, int[] Indexes)> ByOrder(IReadOnlyList<PairedMatch> matches, Func<PairedMatch, string> id) =>
        matches.Select((m, i) => (m, i)).GroupBy(x => id(x.m), StringComparer.Ordinal).Select(g => (g.Key, g.Select(x => x.i).ToArray()));

    private static void Assign(long[] target, int[] indexes, long[] values)
    {
        for (var k = 0; k < indexes.Length; k++)
            target[indexes[k]] = values[k];
    }

    private static BigInteger Sum(IEnumerable<SettledMatch> matches, Func<SettledMatch, BigInteger> amount) =>
        matches.Aggregate(BigInteger.Zero, (sum, m) => sum + amount(m));
}
