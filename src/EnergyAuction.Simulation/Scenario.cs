using EnergyAuction.Data.Profiles;

namespace EnergyAuction.Simulation;

/// <summary>
/// A scenario made concrete: its households and, per household and window, the actual load and PV in Wh and the
/// household's forecast of both. Built once and shared by every mechanism, so all of them face the same weather,
/// the same consumption and the same forecast errors.
/// </summary>
public sealed class Scenario
{
    /// <summary>Profiles 56-100 ship with the feeder but no load uses them; later days draw from these.</summary>
    public const int FirstSpareProfile = 56;

    private Scenario(ScenarioOptions options, IReadOnlyList<Household> households, long[][] load, long[][] pv, long[][] loadForecast, long[][] pvForecast)
    {
        Options = options;
        Households = households;
        LoadWh = load;
        PvWh = pv;
        LoadForecastWh = loadForecast;
        PvForecastWh = pvForecast;
    }

    /// <summary>The options it was built from.</summary>
    public ScenarioOptions Options { get; }

    /// <summary>Households in load order (index 0 is LOAD1).</summary>
    public IReadOnlyList<Household> Households { get; }

    /// <summary>Actual load, [household index][window].</summary>
    public long[][] LoadWh { get; }

    /// <summary>Actual PV generation, [household index][window].</summary>
    public long[][] PvWh { get; }

    /// <summary>Forecast load, [household index][window].</summary>
    public long[][] LoadForecastWh { get; }

    /// <summary>Forecast PV generation, [household index][window].</summary>
    public long[][] PvForecastWh { get; }

    /// <summary>The households of <paramref name="options"/> on their feeder buses, with their windows' energy.</summary>
    /// <exception cref="ArgumentException">The options are not usable, or the feeder file has no bus for a load.</exception>
    public static Scenario Build(ScenarioOptions options, LoadShapes shapes, PvGeneration pv, FeederLoads buses)
    {
        if (options.Problem() is { } problem)
            throw new ArgumentException(problem);
        var random = new Random(options.Seed);
        var producers = Enumerable.Range(1, options.Households).OrderBy(_ => random.Next()).Take(options.Households * options.PvSharePercent / 100).ToHashSet();
        var spare = shapes.Count - FirstSpareProfile + 1;
        var households = new List<Household>();
        for (var n = 1; n <= options.Households; n++)
        {
            var bus = buses.Bus(n) ?? throw new ArgumentException($"the feeder's loads.csv has no bus for LOAD{n}");
            var hasPv = producers.Contains(n);
            // PV from 1.5 to 4 kWp in 500 W steps: the size range of rooftop systems on a house.
            var peak = hasPv ? 1_500 + 500 * random.Next(6) : 0;
            var capacity = hasPv ? options.BatteryCapacityWh : 0;
            var start = capacity * random.Next(options.BatteryStartPercent + 1) / 100;
            var profiles = new List<int> { n };
            for (var day = 1; day < options.Days; day++)
                profiles.Add(spare > 0 ? FirstSpareProfile + random.Next(spare) : n);
            households.Add(new Household(n, bus, peak, capacity, start, profiles));
        }

        var windows = options.Windows;
        var load = new long[households.Count][];
        var gen = new long[households.Count][];
        for (var h = 0; h < households.Count; h++)
        {
            load[h] = new long[windows];
            gen[h] = new long[windows];
            for (var w = 0; w < windows; w++)
            {
                var day = w / options.WindowsPerDay;
                var first = w % options.WindowsPerDay * options.WindowMinutes;
                load[h][w] = WindowEnergy.LoadWh(shapes, households[h].ProfileByDay[day], first, options.WindowMinutes);
                gen[h][w] = WindowEnergy.PvWh(pv, households[h].PvPeakW, options.Start.AddDays(day), first, options.WindowMinutes);
            }
        }

        var noise = new Random(unchecked(options.Seed * 31 + 7));
        return new Scenario(options, households, load, gen, Forecast(load, options, noise), Forecast(gen, options, noise));
    }

    private static long[][] Forecast(long[][] actual, ScenarioOptions options, Random noise) =>
        [.. actual.Select(row => row.Select(wh => options.Forecast == ForecastKind.Perfect
            ? wh
            : Math.Max(0, wh + wh * noise.Next(-options.NoisePercent, options.NoisePercent + 1) / 100)).ToArray())];
}
