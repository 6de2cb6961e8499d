namespace EnergyAuction.Market.Feeder;

/// <summary>
/// MARKET.md "Pairing": the feeder is radial, so distances are tree paths. A line joining two buses
/// already connected closes a cycle; a line not reachable from the first line's bus is disconnected.
/// </summary>
internal static class RadialCheck
{
    public static void Verify(IReadOnlyList<FeederLine> lines)
    {
        if (lines.Count == 0)
            throw new FeederException("the feeder has no lines");
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);

        string Root(string bus)
        {
            while (parent.TryGetValue(bus, out var up) && up != bus)
            {
                var grand = parent.TryGetValue(up, out var g) ? g : up;
                parent[bus] = grand;
                bus = grand;
            }

            return bus;
        }

        foreach (var line in lines)
        {
            if (line.Bus1 == line.Bus2)
                throw new FeederException($"line {line.Name} connects bus {line.Bus1} to itself");
            parent.TryAdd(line.Bus1, line.Bus1);
            parent.TryAdd(line.Bus2, line.Bus2);
            var a = Root(line.Bus1);
            var b = Root(line.Bus2);
            if (a == b)
                throw new FeederException($"line {line.Name} ({line.Bus1}-{line.Bus2}) closes a cycle; a radial feeder is a tree");
            parent[a] = b;
        }

        var main = Root(lines[0].Bus1);
        foreach (var line in lines)
        {
            if (Root(line.Bus1) != main)
                throw new FeederException(
                    $"line {line.Name} ({line.Bus1}-{line.Bus2}) is not connected to bus {lines[0].Bus1}; the feeder must be one tree");
        }
    }
}
