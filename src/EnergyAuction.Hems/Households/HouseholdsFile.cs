using System.Text.Json;

namespace EnergyAuction.Hems.Households;

/// <summary>Reads the households JSON file, or makes the default 55 households of the feeder.</summary>
public static class HouseholdsFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>
    /// Reads a JSON array of <c>{"meter": "M-7", "load": 7, "pvPeakWatts": 3000, "batteryCapacityWh": 10000, "initialChargeWh": 5000}</c>.
    /// Throws <see cref="InvalidDataException"/> naming the bad entry.
    /// </summary>
    public static IReadOnlyList<Household> Read(string path, int loadCount)
    {
        var households = JsonSerializer.Deserialize<List<Household>>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path}: expected a JSON array of households");
        var seen = new HashSet<string>();
        foreach (var h in households)
        {
            var problem = h switch
            {
                { Meter: null or "" } => "meter id is missing",
                _ when !seen.Add(h.Meter) => "meter id is a duplicate",
                { Load: var n } when n < 1 || n > loadCount => $"load must be 1..{loadCount}",
                { PvPeakWatts: < 0 } => "pvPeakWatts must be >= 0",
                { BatteryCapacityWh: < 0 } => "batteryCapacityWh must be >= 0",
                { InitialChargeWh: var c } when c < 0 || c > h.BatteryCapacityWh => "initialChargeWh must be 0..batteryCapacityWh",
                _ => null,
            };
            if (problem is not null) throw new InvalidDataException($"{path}: household '{h.Meter}': {problem}");
        }
        return households;
    }

    /// <summary>
    /// Meters M-1..M-n on loads LOAD1..LOADn. Every odd-numbered household is a prosumer with
    /// 2-5 kWp of PV and a 5-10 kWh battery, half charged; the others only consume.
    /// </summary>
    public static IReadOnlyList<Household> Default(int loadCount) =>
        Enumerable.Range(1, loadCount)
            .Select(n => n % 2 == 1
                ? new Household($"M-{n}", n, 2000 + n % 4 * 1000, 5000 + n % 3 * 2500, (5000 + n % 3 * 2500) / 2)
                : new Household($"M-{n}", n, 0, 0, 0))
            .ToList();
}
