namespace EnergyAuction.Market.Feeder;

/// <summary>
/// Shortest-path distances between buses of a radial feeder: the tree path, via the lowest common
/// ancestor. Exact in micrometres; <see cref="Metres"/> rounds half up to whole metres, the unit
/// pairing and settlement use.
/// </summary>
public sealed class FeederDistances
{
    private readonly Dictionary<string, int> _index;
    private readonly int[] _parent;
    private readonly int[] _depth;
    private readonly long[] _fromRoot;

    internal FeederDistances(FeederTopology topology)
    {
        var buses = topology.Buses;
        _index = new Dictionary<string, int>(buses.Count, StringComparer.Ordinal);
        for (var i = 0; i < buses.Count; i++)
            _index[buses[i]] = i;

        var neighbours = new List<(int Bus, long Length)>[buses.Count];
        for (var i = 0; i < neighbours.Length; i++)
            neighbours[i] = [];
        foreach (var line in topology.Lines)
        {
            int a = _index[line.Bus1], b = _index[line.Bus2];
            neighbours[a].Add((b, line.LengthMicrometres));
            neighbours[b].Add((a, line.LengthMicrometres));
        }

        _parent = new int[buses.Count];
        _depth = new int[buses.Count];
        _fromRoot = new long[buses.Count];
        Array.Fill(_parent, -1);
        // Root at the first bus; breadth-first over the tree (RadialCheck guarantees one tree).
        var queue = new Queue<int>();
        queue.Enqueue(0);
        _parent[0] = 0;
        while (queue.TryDequeue(out var bus))
        {
            foreach (var (next, length) in neighbours[bus])
            {
                if (_parent[next] >= 0)
                    continue;
                _parent[next] = bus;
                _depth[next] = _depth[bus] + 1;
                _fromRoot[next] = _fromRoot[bus] + length;
                queue.Enqueue(next);
            }
        }
    }

    public bool Contains(string bus) => _index.ContainsKey(bus);

    /// <exception cref="FeederException">Either bus is not on the feeder.</exception>
    public long Micrometres(string busA, string busB)
    {
        int a = IndexOf(busA), b = IndexOf(busB);
        var ancestor = CommonAncestor(a, b);
        return _fromRoot[a] + _fromRoot[b] - 2 * _fromRoot[ancestor];
    }

    /// <summary>Distance in whole metres, rounded half up.</summary>
    public long Metres(string busA, string busB) => Feeder.Micrometres.ToMetres(Micrometres(busA, busB));

    /// <summary>Metres between every pair of <paramref name="buses"/>: matrix[i, j] for buses[i], buses[j].</summary>
    public long[,] MetresBetween(IReadOnlyList<string> buses)
    {
        var matrix = new long[buses.Count, buses.Count];
        for (var i = 0; i < buses.Count; i++)
        {
            for (var j = i + 1; j < buses.Count; j++)
                matrix[i, j] = matrix[j, i] = Metres(buses[i], buses[j]);
        }

        return matrix;
    }

    private int IndexOf(string bus) =>
        _index.TryGetValue(bus, out var i) ? i : throw new FeederException($"bus {bus} is not on the feeder");

    private int CommonAncestor(int a, int b)
    {
        while (_depth[a] > _depth[b])
            a = _parent[a];
        while (_depth[b] > _depth[a])
            b = _parent[b];
        while (a != b)
        {
            a = _parent[a];
            b = _parent[b];
        }

        return a;
    }
}
