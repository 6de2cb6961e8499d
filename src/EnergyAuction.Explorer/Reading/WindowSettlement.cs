using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using Money = EnergyAuction.Market.Money;

namespace EnergyAuction.Explorer.Reading;

/// <summary>One posted match and, once its bid is settled, the contract's MatchSettled figures for it.</summary>
public sealed record SettledMatch(int Number, ChainMatch Match, MatchSettledEvent? Settled);

/// <summary>One household's side of a window's settlement, in Wh and wei.</summary>
/// <param name="DeliveredWh">Energy traded on its matches: t_m = min(buyer side, seller side).</param>
/// <param name="Paid">What its bids paid: cost(t_m, p0), their fee half and their own penalty, per match.</param>
/// <param name="PaidOut">What its offers' matches credited it: cost(t_m, p0) less its fee half, plus the buyer's penalty.</param>
/// <param name="Penalties">Penalties its counterparties paid it (a seller's to its bids, a buyer's to its offers).</param>
/// <param name="Refunded">What its settled bids' escrows gave back: escrow less what they paid, plus the sellers' penalties.</param>
public sealed record HouseholdSettlement(string Account, ulong SoldWh, ulong BoughtWh, ulong DeliveredWh, BigInteger Paid, BigInteger PaidOut,
    BigInteger Penalties, BigInteger Refunded);

/// <summary>
/// A window's settlement as the contract records it (MARKET.md "Settlement"): a MatchSettled event per match of each
/// settled bid with both sides' readings, the traded energy, the fee half and both penalties; the per-household
/// credits and the DSO's fees (both halves of every match) follow from those events and the clearing price.
/// Unsettled matches have no figures.
/// </summary>
public sealed record WindowSettlement(IReadOnlyList<SettledMatch> Matches, IReadOnlyList<HouseholdSettlement> Households, BigInteger DsoFees,
    int SettledBids, int MatchedBids)
{
    public static WindowSettlement Of(WindowRecord window)
    {
        var unclaimed = window.Settled.GroupBy(e => (e.OfferId, e.BidId)).ToDictionary(g => g.Key, g => new Queue<MatchSettledEvent>(g));
        var matches = window.Matches.Select((m, i) => new SettledMatch(i + 1, m,
            unclaimed.TryGetValue((m.OfferId, m.BidId), out var q) && q.Count > 0 ? q.Dequeue() : null)).ToList();

        var households = new Dictionary<string, Totals>(StringComparer.OrdinalIgnoreCase);
        Totals Of(ulong orderId) => households.TryGetValue(window.Order(orderId)!.Owner, out var t) ? t : households[window.Order(orderId)!.Owner] = new Totals();
        BigInteger dsoFees = 0;
        var price = window.Info.Price;
        foreach (var m in matches)
        {
            Of(m.Match.OfferId).SoldWh += m.Match.EnergyWh;
            Of(m.Match.BidId).BoughtWh += m.Match.EnergyWh;
            if (m.Settled is not { } s)
                continue;
            var payment = Money.Cost((long)s.TradedWh, price);
            var seller = Of(m.Match.OfferId);
            var buyer = Of(m.Match.BidId);
            seller.PaidOut += payment - s.FeeHalf + s.BuyerPenalty;
            seller.Penalties += s.BuyerPenalty;
            seller.DeliveredWh += (ulong)s.TradedWh;
            buyer.Paid += payment + s.FeeHalf + s.BuyerPenalty;
            buyer.Penalties += s.SellerPenalty;
            buyer.Received += s.SellerPenalty;
            buyer.DeliveredWh += (ulong)s.TradedWh;
            dsoFees += 2 * s.FeeHalf;
        }

        var settledBids = matches.Where(m => m.Settled is not null).Select(m => m.Match.BidId).Distinct().ToList();
        foreach (var bid in settledBids)
            Of(bid).Escrows += window.Order(bid)!.Deposit;

        return new WindowSettlement(matches,
            [.. households.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => new HouseholdSettlement(h.Key, h.Value.SoldWh,
                h.Value.BoughtWh, h.Value.DeliveredWh, h.Value.Paid, h.Value.PaidOut, h.Value.Penalties,
                h.Value.Escrows - h.Value.Paid + h.Value.Received))],
            dsoFees, settledBids.Count, matches.Select(m => m.Match.BidId).Distinct().Count());
    }

    private sealed class Totals
    {
        public ulong SoldWh, BoughtWh, DeliveredWh;
        public BigInteger Paid, PaidOut, Penalties, Received, Escrows;
    }
}
