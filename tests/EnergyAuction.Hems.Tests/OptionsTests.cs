using EnergyAuction.Hems.Households;

namespace EnergyAuction.Hems.Tests;

public class OptionsTests
{
    [Test]
    public void Reads_the_command_line_switches()
    {
        var options = HemsOptions.FromArgs(["--urls", "http://127.0.0.1:5081", "--data-dir", "/d", "--households", "h.json", "--time-scale", "60", "--origin", "100"]);
        Assert.That(options, Is.EqualTo(new HemsOptions
        {
            Urls = "http://127.0.0.1:5081", DataDirectory = "/d", HouseholdsFile = "h.json", TimeScale = 60, Origin = 100,
        }));
    }

    [TestCase("--time-scale", "0")]
    [TestCase("--time-scale", "1.5")]
    [TestCase("--origin", "-5")]
    public void Rejects_bad_values_naming_the_switch(string flag, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => HemsOptions.FromArgs([flag, value]));
        Assert.That(e!.Message, Does.Contain(flag));
    }

    [TestCase("""[{"meter": "A", "load": 56}]""", "load")]
    [TestCase("""[{"meter": "A", "load": 1}, {"meter": "A", "load": 2}]""", "duplicate")]
    [TestCase("""[{"meter": "A", "load": 1, "batteryCapacityWh": 10, "initialChargeWh": 11}]""", "initialChargeWh")]
    [TestCase("""[{"load": 1}]""", "meter id")]
    public void Rejects_bad_households(string json, string problem)
    {
        using var file = new TempHouseholdsFile(json);
        var e = Assert.Throws<InvalidDataException>(() => HouseholdsFile.Read(file.Path, 55));
        Assert.That(e!.Message, Does.Contain(problem));
    }

    [Test]
    public void An_origin_beyond_the_simulated_horizon_is_refused_at_start()
    {
        var e = Assert.Throws<ArgumentException>(() => HemsApp.Build(new HemsOptions { Origin = 0, TimeScale = 60 }, [], new FixedTime(HemsServer.January15)));
        Assert.That(e!.Message, Does.Contain("--origin"));
    }

    [Test]
    public void Default_households_alternate_prosumers_and_consumers()
    {
        var households = HouseholdsFile.Default(55);
        Assert.That(households.Select(h => h.Meter), Is.EqualTo(Enumerable.Range(1, 55).Select(n => $"M-{n}")));
        Assert.That(households.Where(h => h.PvPeakWatts > 0).Select(h => h.Load), Is.All.Matches<int>(n => n % 2 == 1));
        Assert.That(households.Where(h => h.Load % 2 == 1), Has.All.Matches<Household>(h => h.BatteryCapacityWh > 0));
    }
}
