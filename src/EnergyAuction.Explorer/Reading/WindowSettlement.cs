using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;

namespace EnergyAuction.Explorer.Reading;

/// <summary>One posted match and, once its bid is settled, the contract's MatchSettled figures for it.</summary>
public sealed record SettledMatch(int Number, ChainMatch Match, MatchSettledEvent? Settled);

/// <summary>One household's side of a window's settlement, in Wh and wei.</summary>
/// <param name="Paid">What its bids paid for energy and their half of the grid fee (never more than a bid's escrow).</param>
/// <param name="PaidOut">What its offers' matches paid it (energy value less its fee half, plus the matched collateral less penalties).</param>
/// <param name="Penalties">Penalties its bids received for energy not delivered to it.</param>
/// <param name="Refunded">What its settled bids' escrows gave back: escrow less payment, plus penalties.</param>
public sealed record HouseholdSettlement(string Account, ulong SoldWh, ulong BoughtWh, ulong DeliveredWh, BigInteger Paid, BigInteger PaidOut,
    BigInteger Penalties, BigInteger Refunded);

/// <summary>
/// A window's settlement as the v1 contracts record it: a MatchSettled event per match of each settled bid, and
/// per-bid credits that follow from those events by the contract's rule (a buyer never pays above its escrow; the
/// fee recipient forgoes the difference). Unsettled matches have no figures.
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
        foreach (var m in matches)
        {
            Of(m.Match.OfferId).SoldWh += m.Match.EnergyWh;
            Of(m.Match.BidId).BoughtWh += m.Match.EnergyWh;
            if (m.Settled is { } s)
            {
                Of(m.Match.OfferId).PaidOut += s.SellerPayout;
                Of(m.Match.OfferId).DeliveredWh += (ulong)s.DeliveredWh;
                Of(m.Match.BidId).DeliveredWh += (ulong)s.DeliveredWh;
            }
        }

        BigInteger dsoFees = 0;
        var settledBids = 0;
        foreach (var bid in matches.Where(m => m.Settled is not null).GroupBy(m => m.Match.BidId))
        {
            settledBids++;
            var escrow = window.Order(bid.Key)!.Deposit;
            var payment = bid.Aggregate(BigInteger.Zero, (sum, m) => sum + m.Settled!.BuyerPayment);
            var penalty = bid.Aggregate(BigInteger.Zero, (sum, m) => sum + m.Settled!.Penalty);
            var paid = BigInteger.Min(payment, escrow);
            dsoFees += bid.Aggregate(BigInteger.Zero, (sum, m) => sum + m.Settled!.Fee) - (payment - paid);
            var buyer = Of(bid.Key);
            buyer.Paid += paid;
            buyer.Penalties += penalty;
            buyer.Refunded += escrow - paid + penalty;
        }

        return new WindowSettlement(matches,
            [.. households.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => new HouseholdSettlement(h.Key, h.Value.SoldWh,
                h.Value.BoughtWh, h.Value.DeliveredWh, h.Value.Paid, h.Value.PaidOut, h.Value.Penalties, h.Value.Refunded))],
            dsoFees, settledBids, matches.Select(m => m.Match.BidId).Distinct().Count());
    }

    private sealed class Totals
    {
        public ulong SoldWh, BoughtWh, DeliveredWh;
        public BigInteger Paid, PaidOut, Penalties, Refunded;
    }
}
