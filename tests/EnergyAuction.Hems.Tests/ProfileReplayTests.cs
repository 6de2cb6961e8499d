namespace EnergyAuction.Hems.Tests;

/// <summary>
/// The replay of the real profiles, checked against values computed by hand (a separate Python
/// script over the same CSV files) for 2026-01-15 UTC, which reads 2012-01-15 of the Ausgrid data.
/// </summary>
public class ProfileReplayTests
{
    private const long Hour = 3600;
    private static HemsOptions RealData => RealProfiles.Options;

    [Test]
    public async Task Consumer_imports_its_load_shape_at_night()
    {
        // load_profile_2, minutes 1..60: 5566 W-min -> 92 Wh.
        await using var hems = await HemsServer.StartAsync(RealData);
        Assert.That(await hems.ValueAsync($"/meters/M-2/energy?from={HemsServer.January15}&to={HemsServer.January15 + Hour}"), Is.EqualTo(92));
    }

    [Test]
    public async Task Smart_meter_reports_the_last_hours_consumption()
    {
        // load_profile_7, 19:00-20:00: 29873 W-min -> 497 Wh.
        await using var hems = await HemsServer.StartAsync(RealData, now: HemsServer.January15 + 20 * Hour);
        Assert.That(await hems.ValueAsync("/smartmeter/M-8"), Is.Not.EqualTo(497), "a different household differs");
        Assert.That(await hems.ValueAsync("/smartmeter/M-7"), Is.EqualTo(497));
    }

    [Test]
    public async Task Prosumer_without_battery_imports_only_what_pv_does_not_cover()
    {
        // load 1 minus Ausgrid gg_kw at 1.04 kWp, 11:00-13:00: 4916 W-min imported -> 81 Wh.
        using var file = new TempHouseholdsFile("""[{"meter": "P-1", "load": 1, "pvPeakWatts": 1040}]""");
        await using var hems = await HemsServer.StartAsync(RealData with { HouseholdsFile = file.Path });
        var energy = await hems.ValueAsync($"/meters/P-1/energy?from={HemsServer.January15 + 11 * Hour}&to={HemsServer.January15 + 13 * Hour}");
        Assert.That(energy, Is.EqualTo(81));
    }

    [Test]
    public async Task Prosumer_without_battery_exports_its_pv_surplus()
    {
        // Ausgrid gg_kw at 1.04 kWp minus load 1, 11:00-13:00, where positive: 13656 W-min exported -> 227 Wh.
        using var file = new TempHouseholdsFile("""[{"meter": "P-1", "load": 1, "pvPeakWatts": 1040}]""");
        await using var hems = await HemsServer.StartAsync(RealData with { HouseholdsFile = file.Path });
        var (_, body) = await hems.GetAsync($"/meters/P-1/energy?from={HemsServer.January15 + 11 * Hour}&to={HemsServer.January15 + 13 * Hour}");
        Assert.That((body.GetProperty("importWh").GetInt64(), body.GetProperty("exportWh").GetInt64()), Is.EqualTo((81L, 227L)));
    }

    [Test]
    public async Task A_full_battery_spills_the_surplus_to_the_grid()
    {
        // load 9, 5.2 kWp (5 x the Ausgrid roof), a full 2 kWh battery at the origin, 09:00-15:00:
        // 1020 W-min (17 Wh) imported, 98298 W-min (1638 Wh) exported, battery at 1678 Wh at 15:00.
        using var file = new TempHouseholdsFile(
            """[{"meter": "P-9", "load": 9, "pvPeakWatts": 5200, "batteryCapacityWh": 2000, "initialChargeWh": 2000}]""");
        await using var hems = await HemsServer.StartAsync(RealData with { HouseholdsFile = file.Path }, now: HemsServer.January15 + 15 * Hour);
        var (_, many) = await hems.GetAsync($"/meters/energy?ids=P-9&from={HemsServer.January15 + 9 * Hour}&to={HemsServer.January15 + 15 * Hour}");
        var p9 = many.GetProperty("meters").GetProperty("P-9");
        Assert.That((p9.GetProperty("importWh").GetInt64(), p9.GetProperty("exportWh").GetInt64()), Is.EqualTo((17L, 1638L)));
        Assert.That(await hems.ValueAsync("/battery-soc/P-9"), Is.EqualTo(1678));
    }

    [Test]
    public async Task Battery_follows_the_surplus_and_covers_the_load()
    {
        // load 5, 3.12 kWp (3 x the Ausgrid roof), 5 kWh battery starting at 1 kWh, 00:00-14:00:
        // 739 Wh imported, battery at 126426 W-min = 2107 Wh at 14:00.
        using var file = new TempHouseholdsFile(
            """[{"meter": "P-5", "load": 5, "pvPeakWatts": 3120, "batteryCapacityWh": 5000, "initialChargeWh": 1000}]""");
        await using var hems = await HemsServer.StartAsync(RealData with { HouseholdsFile = file.Path }, now: HemsServer.January15 + 14 * Hour);
        Assert.That(await hems.ValueAsync("/battery-soc/P-5"), Is.EqualTo(2107));
        Assert.That(await hems.ValueAsync($"/meters/P-5/energy?from={HemsServer.January15}&to={HemsServer.January15 + 14 * Hour}"), Is.EqualTo(739));
    }

    [Test]
    public async Task Time_scale_compresses_a_profile_hour_into_a_real_minute()
    {
        await using var hems = await HemsServer.StartAsync(RealData with { TimeScale = 60 });
        Assert.That(await hems.ValueAsync($"/meters/M-2/energy?from={HemsServer.January15}&to={HemsServer.January15 + 60}"), Is.EqualTo(92));
    }

    [Test]
    public async Task Energy_before_the_meters_started_counts_zero()
    {
        await using var hems = await HemsServer.StartAsync(RealData);
        Assert.That(await hems.ValueAsync($"/meters/M-2/energy?from=0&to={HemsServer.January15}"), Is.Zero);
    }

    [Test]
    public async Task Meters_list_the_feeder_bus_of_each_load()
    {
        await using var hems = await HemsServer.StartAsync(RealData);
        var (status, body) = await hems.GetAsync("/meters");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.GetArrayLength(), Is.EqualTo(55));
        var m7 = body.EnumerateArray().Single(m => m.GetProperty("meter").GetString() == "M-7");
        Assert.That(m7.GetProperty("load").GetString(), Is.EqualTo("LOAD7"));
        Assert.That(m7.GetProperty("bus").GetString(), Is.EqualTo("178"));
    }
}
