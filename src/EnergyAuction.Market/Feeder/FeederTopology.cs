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

    /// <summary>Shortest-path distances between this feeder's buses.</summary>
    public FeederDistances Distances() => new(this);
}
