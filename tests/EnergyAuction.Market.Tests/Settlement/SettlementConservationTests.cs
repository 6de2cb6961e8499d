using System.Numerics;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement;
using EnergyAuction.Market.Settlement.BothSides;
using EnergyAuction.Market.Tests.Pairing;

namespace EnergyAuction.Market.Tests.Settlement;

/// <summary>Clear, pair and settle random windows end to end; money in must equal money out to the wei.</summary>
public class SettlementConservationTests
{
    [Test]
    public void RandomWindowsConserveMoneyToTheWeiUnderTheV1Rules()
    {
        var books = new RandomWindowBooks(99);
        var random = books.Random;
        var settled = 0;
        for (var n = 0; n < 600; n++)
        {
            var (book, p) = books.Next(maxOrders: 150);
            var paired = WindowPairing.ClearAndPair(book, RandomWindowBooks.Distances, p);
            var window = new WindowParameters(p.GridCharge, p.MaxDistanceM, random.Next(3) == 0 ? 0 : random.Next(1, 100_000));
            var readings = book.Bids.ToDictionary(b => b.Id, b => random.Next(4) == 0 ? b.EnergyWh : random.NextInt64(0, b.EnergyWh > long.MaxValue / 2 ? long.MaxValue : b.EnergyWh + b.EnergyWh / 5 + 1));

            var settlement = WindowSettlement.Settle(window, paired.Price ?? 0, book.Offers, book.Bids, paired.Matches, readings);

            Assert.That(settlement.MoneyOut, Is.EqualTo(settlement.MoneyIn), $"window {n}");
            Assert.That(settlement.Bids.Select(b => b.Refund), Has.All.GreaterThanOrEqualTo(BigInteger.Zero));
            Assert.That(settlement.Offers.Select(o => o.Payout), Has.All.GreaterThanOrEqualTo(BigInteger.Zero));
            settled += paired.Matches.Count > 0 ? 1 : 0;
        }

        Assert.That(settled, Is.GreaterThan(100));
    }

    [Test]
    public void RandomWindowsConserveMoneyToTheWeiUnderTheBothSideRules()
    {
        var books = new RandomWindowBooks(98);
        var random = books.Random;
        var settled = 0;
        for (var n = 0; n < 600; n++)
        {
            var (book, p) = books.Next(maxOrders: 150);
            var paired = WindowPairing.ClearAndPair(book, RandomWindowBooks.Distances, p);
            var parameters = new SettlementParameters(p.GridCharge, p.MaxDistanceM, random.Next(1, 100_000), random.Next(0, 1000));
            var readings = book.Offers.Concat(book.Bids).Where(_ => random.Next(5) > 0)
                .ToDictionary(o => o.Id, o => random.Next(4) == 0 ? (long?)null : random.NextInt64(0, Math.Min(o.EnergyWh, long.MaxValue / 2) * 2));

            var result = BothSideSettlement.Settle(WindowToSettle.Of(parameters, book, paired, readings));

            var moneyIn = book.Offers.Aggregate(BigInteger.Zero, (sum, o) => sum + Deposits.ForOffer(o.EnergyWh, parameters))
                + book.Bids.Aggregate(BigInteger.Zero, (sum, b) => sum + Deposits.ForBid(b.EnergyWh, b.Price, parameters))
                + parameters.OrderFee * (book.Offers.Count + book.Bids.Count);
            Assert.That(result.MoneyOut, Is.EqualTo(moneyIn), $"window {n}");
            Assert.That(result.Orders.Select(o => o.Refund), Has.All.GreaterThanOrEqualTo(BigInteger.Zero));
            settled += paired.Matches.Count > 0 ? 1 : 0;
        }

        Assert.That(settled, Is.GreaterThan(100));
    }
}
