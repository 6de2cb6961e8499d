namespace EnergyAuction.Data.Profiles;

/// <summary>Feeder bus of each load LOAD1..LOAD55 of the IEEE European LV feeder (<c>ieee-eu-lv/loads.csv</c>).</summary>
public sealed class FeederLoads
{
    private readonly Dictionary<int, string> _buses;

    private FeederLoads(Dictionary<int, string> buses) => _buses = buses;

    /// <summary>The bus of load N, or null when the feeder file was not available.</summary>
    public string? Bus(int load) => _buses.GetValueOrDefault(load);

    /// <summary>Reads loads.csv (name, bus, ...); names are LOAD1..LOADn.</summary>
    public static FeederLoads Read(string path)
    {
        var buses = new Dictionary<int, string>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var cells = line.Split(',');
            buses[int.Parse(cells[0].AsSpan("LOAD".Length))] = cells[1];
        }
        return new FeederLoads(buses);
    }

    /// <summary>No feeder file: buses unknown.</summary>
    public static FeederLoads None() => new([]);
}
