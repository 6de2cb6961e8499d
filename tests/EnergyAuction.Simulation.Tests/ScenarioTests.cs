namespace EnergyAuction.Simulation.Tests;

public class ScenarioTests
{
    [Test]
    public void Households_sit_on_their_feeder_loads_buses_and_the_pv_share_decides_how_many_produce()
    {
        var scenario = SharedData.Value.Scenario(new ScenarioOptions { PvSharePercent = 40 });
        Assert.That(scenario.Households, Has.Count.EqualTo(55));
        Assert.That(scenario.Households.Count(h => h.IsProducer), Is.EqualTo(22));
        Assert.That(scenario.Households[0].Bus, Is.EqualTo(SharedData.Value.Buses.Bus(1)));
        Assert.That(scenario.Households.Where(h => !h.IsProducer).Select(h => h.BatteryCapacityWh), Is.All.Zero);
    }

    [Test]
    public void Later_days_draw_their_load_profiles_from_the_feeders_spare_profiles_56_to_100()
    {
        var scenario = SharedData.Value.Scenario(new ScenarioOptions { Households = 5, Days = 3 });
        Assert.That(scenario.Households.Select(h => h.ProfileByDay[0]), Is.EqualTo(new[] { 1, 2, 3, 4, 5 }));
        Assert.That(scenario.Households.SelectMany(h => h.ProfileByDay.Skip(1)), Is.All.InRange(56, 100));
    }

    [TestCase(56, "--households")]
    [TestCase(0, "--households")]
    public void A_household_count_off_the_feeder_is_refused(int households, string named) =>
        Assert.That(() => SharedData.Value.Scenario(new ScenarioOptions { Households = households }),
            Throws.ArgumentException.With.Message.Contains(named));

    [Test]
    public void A_window_that_does_not_divide_the_day_is_refused() =>
        Assert.That(new ScenarioOptions { WindowMinutes = 7 }.Problem(), Does.Contain("--window-minutes"));
}
