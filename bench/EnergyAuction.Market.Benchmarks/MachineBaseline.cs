using BenchmarkDotNet.Attributes;

namespace EnergyAuction.Market.Benchmarks;

/// <summary>
/// A yardstick for the machine, not for the engine: clearing is dominated by sorting both sides, so
/// comparing with a plain sort of as many longs shows how much a busy machine inflates the figures.
/// </summary>
public class MachineBaseline
{
    private long[] _values = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(4);
        _values = Enumerable.Range(0, 100_000).Select(_ => random.NextInt64()).ToArray();
    }

    [Benchmark(Description = "Array.Sort 100,000 longs")]
    public long[] SortLongs()
    {
        var copy = (long[])_values.Clone();
        Array.Sort(copy);
        return copy;
    }
}
