using System.Numerics;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement;

namespace EnergyAuction.Market.Tests.Settlement;

/// <summary>Clear, pair and settle random windows; money in must equal money out to the wei.</summary>
public class SettlementConservationTests
{
    [Test]
    public void RandomWindowsConserveMoneyToTheWei()
    {
        var feeder = FallbackFeeder.Create();
        var distances = feeder.Distances();
        var loads = feeder.Loads.Select(l => l.Bus).ToArray();
        var longest = loads.Max(a => loads.Max(b => distances.Metres(a, b)));
        var books = new RandomBooks(99);
        var random = books.Random;
        var settled = 0;
        for (var n = 0; n < 600; n++)
        {
            var book = books.Next();
            var result = ClearingMechanisms.For((Mechanism)(n % 3)).Clear(book);
            var participants = book.Offers.Concat(book.Bids).ToDictionary(o => o.Id,
                _ => new Participant(loads[random.Next(loads.Length)], random.Next(0, 300)));
            // L is at least the longest path (the contract rejects longer matches); prices >= 1000 and
            // C_d < 3000 keep every fee half below the energy's value (FeeAbovePrice).
            var window = new WindowParameters(random.Next(0, 3000), longest + random.Next(0, 2) * random.Next(0, 1000),
                random.Next(3) == 0 ? 0 : random.Next(1, 100_000));
            var matches = ScorePairing.Pair(result, book.Offers, book.Bids, participants, distances, window.GridChargeWeiPerKwhPerKm);
            var readings = book.Bids.ToDictionary(b => b.Id, b => random.Next(4) == 0 ? b.EnergyWh : random.NextInt64(0, b.EnergyWh > long.MaxValue / 2 ? long.MaxValue : b.EnergyWh + b.EnergyWh / 5 + 1));

            var settlement = WindowSettlement.Settle(window, result.Price ?? 0, book.Offers, book.Bids, matches, readings);

            Assert.That(settlement.MoneyOut, Is.EqualTo(settlement.MoneyIn), $"window {n}");
            Assert.That(settlement.Bids.Select(b => b.Refund), Has.All.GreaterThanOrEqualTo(BigInteger.Zero));
            Assert.That(settlement.Fees, Is.GreaterThanOrEqualTo(BigInteger.Zero));
            Assert.That(settlement.Offers.Select(o => o.Payout), Has.All.GreaterThanOrEqualTo(BigInteger.Zero));
            foreach (var bid in settlement.Bids)
                Assert.That(bid.DeliveredWh, Is.LessThanOrEqualTo(Math.Min(readings[bid.BidId], book.Bids.First(b => b.Id == bid.BidId).EnergyWh)));
            settled += matches.Count > 0 ? 1 : 0;
        }

        Assert.That(settled, Is.GreaterThan(100));
    }
}
