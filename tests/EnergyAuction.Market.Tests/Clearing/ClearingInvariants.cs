using System.Numerics;
using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Tests.Clearing;

/// <summary>Asserts MARKET.md's invariants on one result.</summary>
public static class ClearingInvariants
{
    public static void Check(Mechanism mechanism, OrderBook book, ClearingResult result)
    {
        var offers = book.Offers.ToDictionary(o => o.Id);
        var bids = book.Bids.ToDictionary(b => b.Id);
        if (result.Price is not { } p0)
        {
            Assert.That(result.OfferAllocations.Count + result.BidAllocations.Count, Is.Zero, "no price but winners");
            return;
        }

        Assert.That(result.OfferAllocations.Count, Is.Positive);
        Assert.That(result.BidAllocations.Count, Is.Positive);
        foreach (var (id, wh) in result.OfferAllocations)
        {
            Assert.That(offers[id].Price, Is.LessThanOrEqualTo(p0), $"offer {id} above p0");
            Assert.That(wh, Is.InRange(1, offers[id].EnergyWh), $"offer {id} allocation");
        }

        foreach (var (id, wh) in result.BidAllocations)
        {
            Assert.That(bids[id].Price, Is.GreaterThanOrEqualTo(p0), $"bid {id} below p0");
            Assert.That(wh, Is.InRange(1, bids[id].EnergyWh), $"bid {id} allocation");
            if (mechanism == Mechanism.Dpda)
                Assert.That(wh, Is.EqualTo(bids[id].EnergyWh), $"dpda bid {id} not filled completely");
        }

        Assert.That(result.OfferAllocations.TotalWh, Is.EqualTo(result.BidAllocations.TotalWh), "unbalanced");
        AssertPrefix(PricePriority.SortBids(book.Bids), result.BidAllocations, allowGaps: false);
        AssertPrefix(PricePriority.SortOffers(book.Offers), result.OfferAllocations, allowGaps: mechanism == Mechanism.Dpda);
    }

    private static void AssertPrefix(Order[] sorted, Allocations winners, bool allowGaps)
    {
        var positions = winners.InOrder.Select(w => Array.FindIndex(sorted, o => o.Id == w.Id)).ToArray();
        Assert.That(positions, Is.Ordered.Ascending, "winners not in priority order");
        if (allowGaps)
        {
            // Equal sharing only zeroes offers no larger than any offer that keeps trading.
            var last = positions.Length == 0 ? -1 : positions[^1];
            var smallestWinner = positions.Select(p => sorted[p].EnergyWh).DefaultIfEmpty(0).Min();
            var gaps = Enumerable.Range(0, last + 1).Except(positions).Select(p => sorted[p]);
            Assert.That(gaps.Select(g => g.EnergyWh), Is.All.LessThanOrEqualTo(smallestWinner), "a gap in the offer prefix that equal sharing cannot explain");
        }
        else
            Assert.That(positions, Is.EqualTo(Enumerable.Range(0, positions.Length).ToArray()), "winners are not a prefix");
    }

    public static BigInteger Total(IEnumerable<long> values) => values.Aggregate(BigInteger.Zero, (s, v) => s + v);
}
