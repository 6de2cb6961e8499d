using System.Numerics;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.Market.Tests.Settlement.BothSides;

/// <summary>MARKET.md "Settlement" invariants on thousands of random windows, random readings with nulls included.</summary>
public class BothSideSettlementPropertyTests
{
    private const int Windows = 4000;

    [Test]
    public void MoneyIsConservedToTheWeiAndNoRefundIsNegative()
    {
        var random = new RandomSettlementWindows(11);
        for (var n = 0; n < Windows; n++)
        {
            var window = random.Next();
            var result = BothSideSettlement.Settle(window);
            var p = window.Parameters;

            // Deposits recomputed here from MARKET.md's formulas, not from the engine's Deposits.
            var moneyIn = window.Offers.Aggregate(BigInteger.Zero, (sum, o) => sum + o.EnergyWh * p.PenaltyRate / 1000)
                + window.Bids.Aggregate(BigInteger.Zero, (sum, b) => sum + b.EnergyWh * b.Price / 1000
                    + b.EnergyWh * p.GridCharge * p.MaxDistanceM / 2_000_000 + b.EnergyWh * p.PenaltyRate / 1000)
                + p.OrderFee * (window.Offers.Count + window.Bids.Count);
            Assert.That(result.MoneyOut, Is.EqualTo(moneyIn), $"window {n}");
            Assert.That(result.Dso, Is.EqualTo(result.Matches.Aggregate(BigInteger.Zero, (sum, m) => sum + 2 * m.FeeHalf)));
            Assert.That(result.Orders.Where(o => o.Refund.Sign < 0), Is.Empty, $"window {n}");
        }
    }

    [Test]
    public void EachSidesCreditedEnergyIsItsReadingCappedAtItsAllocation()
    {
        var random = new RandomSettlementWindows(12);
        for (var n = 0; n < Windows; n++)
        {
            var window = random.Next();
            var result = BothSideSettlement.Settle(window);
            foreach (var offer in window.Offers)
            {
                var own = result.Matches.Where(m => m.OfferId == offer.Id).ToArray();
                var reading = window.Readings.GetValueOrDefault(offer.Id) ?? 0;
                Assert.That(own.Sum(m => m.SellerWh), Is.EqualTo(Math.Min(reading, offer.AllocationWh)));
            }

            foreach (var bid in window.Bids.Where(b => window.Readings.GetValueOrDefault(b.Id) is not null))
            {
                var own = result.Matches.Where(m => m.BidId == bid.Id).ToArray();
                Assert.That(own.Sum(m => m.BuyerWh), Is.EqualTo(Math.Min(window.Readings[bid.Id]!.Value, bid.AllocationWh)));
            }

            Assert.That(result.Matches.All(m => m.SellerWh <= m.EnergyWh && m.BuyerWh <= m.EnergyWh && m.TradedWh == Math.Min(m.SellerWh, m.BuyerWh)));
        }
    }

    /// <summary>
    /// MARKET.md: nobody gains by hiding a meter, to within the rounding of cost(). Each match's three rounded terms
    /// (payment, fee half, penalty) can move a side's money by less than 1 wei each from the exact linear value.
    /// </summary>
    [Test]
    public void AMissingReadingNeverPaysItsOwnerMoreThanAnHonestOne()
    {
        var random = new RandomSettlementWindows(13);
        var compared = 0;
        for (var n = 0; n < Windows; n++)
        {
            var window = random.Next();
            var result = BothSideSettlement.Settle(window);
            foreach (var id in window.Readings.Where(r => r.Value is null).Select(r => r.Key))
            {
                var allocation = window.Offers.FirstOrDefault(o => o.Id == id)?.AllocationWh ?? window.Bids.First(b => b.Id == id).AllocationWh;
                var matches = result.Matches.Count(m => m.OfferId == id || m.BidId == id);
                for (var k = 0; k < 4; k++)
                {
                    var readings = new Dictionary<string, long?>(window.Readings) { [id] = random.HonestReading(allocation) };
                    var honest = BothSideSettlement.Settle(window with { Readings = readings });
                    Assert.That(result.Account(id).Refund, Is.LessThanOrEqualTo(honest.Account(id).Refund + 3 * matches),
                        $"window {n}, order {id}, honest reading {readings[id]}");
                    compared++;
                }
            }
        }

        Assert.That(compared, Is.GreaterThan(1000));
    }
}
