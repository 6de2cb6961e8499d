using Microsoft.Extensions.Configuration;
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

    [Test]
    public void Reads_the_write_token_and_other_settings_from_the_settings_not_the_switches()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["WriteToken"] = "0123456789abcdef", ["TimeScale"] = "30", ["Origin"] = "7" })
            .Build();
        var options = HemsOptions.FromArgs(["--origin", "100"], settings);
        Assert.That((options.WriteToken, options.TimeScale, options.Origin), Is.EqualTo(("0123456789abcdef", 30L, 100L)), "a switch overrides a setting");
    }

    [Test]
    public void The_printed_options_never_show_the_token() =>
        Assert.That(new HemsOptions { WriteToken = "0123456789abcdef" }.ToString(), Does.Not.Contain("0123456789abcdef").And.Contain("WriteToken = (set)"));

    [Test]
    public void An_empty_write_token_leaves_writes_disabled()
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["WriteToken"] = "" })
            .Build();
        Assert.That(HemsOptions.FromArgs([], settings).WriteToken, Is.Null);
    }

    [TestCase("--WriteToken", "0123456789abcdef")]
    [TestCase("WriteToken=0123456789abcdef")]
    [TestCase("-token", "x")]
    public void Refuses_a_token_on_the_command_line(params string[] args)
    {
        var e = Assert.Throws<ArgumentException>(() => HemsOptions.FromArgs(args));
        Assert.That(e!.Message, Does.Contain(HemsOptions.WriteTokenVariable));
    }

    [Test]
    public void A_file_whose_name_mentions_a_token_is_still_a_households_file() =>
        Assert.That(HemsOptions.FromArgs(["--households", "/srv/tokens/households.json"]).HouseholdsFile, Is.EqualTo("/srv/tokens/households.json"));

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
