using EnergyAuction.Market;
using EnergyAuction.Data.Profiles;

namespace EnergyAuction.Simulation.Tests;

public class GridOnlyBaselineTests
{
    [Test]
    public void Grid_only_bills_equal_import_at_retail_and_export_at_feed_in_summed_straight_from_the_profiles()
    {
        var options = new ScenarioOptions { Households = 12, PvSharePercent = 50, BatteryCapacityWh = 0, Forecast = ForecastKind.Perfect, Seed = 3 };
        var data = SharedData.Value;
        var scenario = data.Scenario(options);
        var gridOnly = SimulationRunner.Run(scenario, data.Feeder, MarketChoice.GridOnly);

        var midnight = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var l in gridOnly.Households)
        {
            var cost = System.Numerics.BigInteger.Zero;
            var income = System.Numerics.BigInteger.Zero;
            for (var first = 0; first < LoadShapes.MinutesPerDay; first += options.WindowMinutes)
            {
                long loadWattMinutes = 0, pvScaled = 0;
                for (var m = first; m < first + options.WindowMinutes; m++)
                {
                    loadWattMinutes += data.Shapes.Watts(l.Household.Number, m);
                    pvScaled += data.Pv.ReferenceWatts(midnight.AddMinutes(m)) * l.Household.PvPeakW;
                }
                var net = pvScaled / (60 * PvGeneration.ReferencePeakWatts) - loadWattMinutes / 60;
                cost += Money.Cost(Math.Max(-net, 0), options.RetailWeiPerKwh);
                income += Money.Cost(Math.Max(net, 0), options.FeedInWeiPerKwh);
            }
            Assert.That(l.GridCost, Is.EqualTo(cost), l.Household.Id);
            Assert.That(l.GridIncome, Is.EqualTo(income), l.Household.Id);
            Assert.That(l.NetCost, Is.EqualTo(cost - income), l.Household.Id);
        }
        Assert.That(gridOnly.Households.Count(l => l.GridIncome > 0), Is.GreaterThan(0), "some PV is exported");
    }
}
