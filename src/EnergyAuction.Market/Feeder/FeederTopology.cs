namespace EnergyAuction.Market.Feeder;

/// <summary>
/// A radial feeder: lines between buses forming one tree, and the loads (consumer connection
/// points) on its buses. Construction checks the tree shape and names the offending line.
/// </summary>
public sealed class FeederTopology
{
    public FeederTopology(IReadOnlyList<FeederLine> lines, IReadOnlyList<FeederLoad> loads)
    {
        RadialCheck.Verify(lines);
        Lines = lines;
        Buses = lines.SelectMany(l => new[] { l.Bus1, l.Bus2 }).Distinct(StringComparer.Ordinal).ToArray();
        var busSet = Buses.ToHashSet(StringComparer.Ordinal);
        foreach (var load in loads)
        {
            if (!busSet.Contains(load.Bus))
                throw new FeederException($"load {load.Name} is on bus {load.Bus}, which no line reaches");
        }

        Loads = loads;
        LoadBus = loads.ToDictionary(l => l.Name, l => l.Bus, StringComparer.Ordinal);
    }

    public IReadOnlyList<FeederLine> Lines { get; }

    public IReadOnlyList<FeederLoad> Loads { get; }

    /// <summary>Load name (e.g. "LOAD1") to its bus.</summary>
    public IReadOnlyDictionary<string, string> LoadBus { get; }

    /// <summary>Every bus, in the order the lines first name them.</summary>
    public IReadOnlyList<string> Buses { get; }

    /// <summary>A feeder from a lines file (name,bus1,bus2,length_m) and no loads.</summary>
    public static FeederTopology LoadCsv(string linesCsv) => new(FeederCsv.ReadLines(linesCsv), []);

    /// <summary>The IEEE European LV feeder form: <c>lines.csv</c> and <c>loads.csv</c> in one directory.</summary>
    public static FeederTopology LoadDirectory(string ieeeDir) =>
        new(FeederCsv.ReadLines(Path.Combine(ieeeDir, "lines.csv")), FeederCsv.ReadLoads(Path.Combine(ieeeDir, "loads.csv")));

    /// <summary>The IEEE feeder under <paramref name="dataDir"/>/ieee-eu-lv if present, else <see cref="FallbackFeeder"/>.</summary>
    public static FeederTopology LoadOrFallback(string dataDir)
    {
        var ieeeDir = Path.Combine(dataDir, "ieee-eu-lv");
        return File.Exists(Path.Combine(ieeeDir, "lines.csv")) ? LoadDirectory(ieeeDir) : FallbackFeeder.Create();
    }

    /// <summary>Shortest-path distances between this feeder's buses.</summary>
    public FeederDistances Distances() => new(this);
}
