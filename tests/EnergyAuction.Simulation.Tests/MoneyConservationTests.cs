using System.Numerics;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.Simulation.Tests;

public class MoneyConservationTests
{
    [TestCase(PriceStrategy.Truthful)]
    [TestCase(PriceStrategy.Zi)]
    [TestCase(PriceStrategy.Aggressive)]
    public void Every_window_pays_out_to_the_wei_what_was_paid_in(PriceStrategy strategy)
    {
        var options = Runs.Small(strategy);
        var parameters = new SettlementParameters(options.GridChargeWeiPerKwhPerKm, options.MaxDistanceM, options.PenaltyWeiPerKwh, options.OrderFeeWei);
        foreach (var result in Runs.AllKept(options))
        {
            foreach (var window in result.Books)
            {
                var moneyIn = window.Book.Offers.Aggregate(BigInteger.Zero, (s, o) => s + Deposits.ForOffer(o.EnergyWh, parameters))
                    + window.Book.Bids.Aggregate(BigInteger.Zero, (s, b) => s + Deposits.ForBid(b.EnergyWh, b.Price, parameters))
                    + options.OrderFeeWei * (window.Book.Offers.Count + window.Book.Bids.Count);
                Assert.That(window.Settled.MoneyOut, Is.EqualTo(moneyIn), $"{result.Market.Name} window {window.Window}");
                var record = result.Windows[window.Window];
                Assert.That(record.HouseholdsNetPaid, Is.EqualTo(record.DsoFees + record.OperatorFees), $"{result.Market.Name} window {window.Window}");
            }
        }
    }

    [Test]
    public void Households_lose_to_the_market_exactly_what_the_dso_and_operator_collect()
    {
        foreach (var result in Runs.AllKept(Runs.Small()))
        {
            var households = result.Households.Aggregate(BigInteger.Zero,
                (s, l) => s + l.LocalPaid - l.LocalReceived + l.GridFees + l.OrderFees + l.PenaltiesPaid - l.PenaltiesReceived);
            var collected = result.Windows.Aggregate(BigInteger.Zero, (s, w) => s + w.DsoFees + w.OperatorFees);
            Assert.That(households, Is.EqualTo(collected), result.Market.Name);
            if (result.Market.Mechanism is not null)
                Assert.That(collected, Is.GreaterThan(BigInteger.Zero), result.Market.Name);
        }
    }
}
