using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Tests.Clearing;

/// <summary>The fast steps against word-for-word readings of MARKET.md on small random inputs.</summary>
public class LiteralDefinitionTests
{
    [Test]
    public void CrossingIsTheLastUnitWhereTheBidCoversTheOffer()
    {
        var random = new Random(7);
        for (var n = 0; n < 3000; n++)
        {
            var book = new OrderBook(SmallOrders(random), SmallOrders(random));
            var sorted = new SortedBook(book);

            Assert.That(Crossing.Find(sorted), Is.EqualTo(UnitByUnit(sorted)));
        }
    }

    [Test]
    public void WaterFillingEqualsRepeatedEqualSharing()
    {
        var random = new Random(11);
        for (var n = 0; n < 5000; n++)
        {
            var allocations = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.NextInt64(1, 60)).ToArray();
            var excess = random.NextInt64(0, allocations.Sum());
            var fast = allocations.ToArray();
            WaterFillingCurtailment.Apply(fast, excess);

            Assert.That(fast, Is.EqualTo(RepeatedSharing(allocations, excess)), $"[{string.Join(",", allocations)}] excess {excess}");
            Assert.That(allocations.Sum() - fast.Sum(), Is.EqualTo(excess));
        }
    }

    private static Order[] SmallOrders(Random random) =>
        Enumerable.Range(0, random.Next(0, 7)).Select(i => new Order($"{i}", random.Next(1, 5), random.Next(1, 6), i)).ToArray();

    // "A unit q is served by the bid B_j with the smallest j such that CB_j >= q and the offer S_i
    // with the smallest i such that CS_i >= q. The crossing is the last unit at which P(B_j) >= P(S_i)."
    private static Crossing? UnitByUnit(SortedBook book)
    {
        Crossing? crossing = null;
        var units = Math.Min(book.Offers.Sum(o => o.EnergyWh), book.Bids.Sum(b => b.EnergyWh));
        for (var q = 1L; q <= units; q++)
        {
            var j = ServedBy(book.Bids, q);
            var i = ServedBy(book.Offers, q);
            if (book.Bids[j].Price >= book.Offers[i].Price)
                crossing = new Crossing(j + 1, i + 1);
        }

        return crossing;
    }

    private static int ServedBy(Order[] side, long unit)
    {
        long cumulative = 0;
        for (var k = 0; ; k++)
        {
            cumulative += side[k].EnergyWh;
            if (cumulative >= unit)
                return k;
        }
    }

    // "share = floor(excess / k) over the k offers still above zero; an offer that holds no more than
    // the share drops to 0 and the rest is re-shared among the others; the last excess mod k Wh are
    // taken 1 Wh each from the last (lowest-priority) offers."
    private static long[] RepeatedSharing(long[] original, long excess)
    {
        var a = original.ToArray();
        while (excess > 0)
        {
            var active = Enumerable.Range(0, a.Length).Where(k => a[k] > 0).ToArray();
            var share = excess / active.Length;
            var small = active.Where(k => a[k] <= share).ToArray();
            if (small.Length > 0)
            {
                foreach (var k in small)
                {
                    excess -= a[k];
                    a[k] = 0;
                }

                continue;
            }

            foreach (var k in active)
                a[k] -= share;
            var extra = excess - share * active.Length;
            foreach (var k in active.Reverse().Take((int)extra))
                a[k]--;
            excess = 0;
        }

        return a;
    }
}
