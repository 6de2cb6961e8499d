using EnergyAuction.Market;

namespace EnergyAuction.Simulation.Tests;

public class EnergyBalanceTests
{
    [TestCase(PriceStrategy.Truthful)]
    [TestCase(PriceStrategy.Zi)]
    [TestCase(PriceStrategy.Aggressive)]
    public void Every_window_sells_locally_what_it_buys_locally_and_no_order_trades_more_than_its_meter_shows(PriceStrategy strategy)
    {
        foreach (var result in Runs.AllKept(Runs.Small(strategy)))
        {
            foreach (var window in result.Books)
            {
                var sold = window.Settled.Matches.GroupBy(m => m.OfferId).ToDictionary(g => g.Key, g => g.Sum(m => m.TradedWh));
                var bought = window.Settled.Matches.GroupBy(m => m.BidId).ToDictionary(g => g.Key, g => g.Sum(m => m.TradedWh));
                Assert.That(sold.Values.Sum(), Is.EqualTo(bought.Values.Sum()), $"{result.Market.Name} window {window.Window}");
                foreach (var (id, wh) in sold.Concat(bought))
                    Assert.That(wh, Is.LessThanOrEqualTo(window.Readings[id]!.Value), $"{result.Market.Name} window {window.Window} {id}");
                Assert.That(window.Settled.Matches.Sum(m => m.TradedWh), Is.EqualTo(result.Windows[window.Window].TradedWh));
            }
        }
    }

    [Test]
    public void Each_household_load_and_export_equal_its_pv_imports_and_battery_drawdown_under_every_mechanism()
    {
        foreach (var result in Runs.AllKept(Runs.Small()))
        {
            foreach (var l in result.Households)
            {
                var batteryDrawdown = l.Household.BatteryStartWh - l.BatteryEndWh;
                Assert.That(l.LoadWh + l.LocalSoldWh + l.GridExportWh, Is.EqualTo(l.PvWh + l.LocalBoughtWh + l.GridImportWh + batteryDrawdown),
                    $"{result.Market.Name} {l.Household.Id}");
                Assert.That(l.GridImportWh, Is.GreaterThanOrEqualTo(0));
                Assert.That(l.GridExportWh, Is.GreaterThanOrEqualTo(0));
            }
            Assert.That(result.Households.Sum(l => l.LocalSoldWh), Is.EqualTo(result.Households.Sum(l => l.LocalBoughtWh)));
        }
    }

    [Test]
    public void A_local_market_takes_energy_off_the_main_grid()
    {
        var results = Runs.AllKept(Runs.Small()).Select(MechanismTotals.Of).ToList();
        var gridOnly = results.Single(t => t.Mechanism == "grid-only");
        foreach (var market in results.Where(t => t.Mechanism != "grid-only"))
        {
            Assert.That(market.LocalTradedWh, Is.GreaterThan(0), market.Mechanism);
            Assert.That(market.GridImportWh, Is.EqualTo(gridOnly.GridImportWh - market.LocalTradedWh), market.Mechanism);
        }
    }
}
