using BenchmarkDotNet.Attributes;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Market.Benchmarks;

/// <summary>Target: all-pairs distances between the 55 loads of the IEEE feeder in at most 5 ms.</summary>
public class FeederBenchmarks
{
    private FeederTopology _feeder = null!;
    private string[] _loadBuses = [];

    [GlobalSetup]
    public void Setup()
    {
        _feeder = DataDirectory.Feeder();
        _loadBuses = _feeder.Loads.Select(l => l.Bus).ToArray();
    }

    [Benchmark(Description = "index feeder + all-pairs load distances")]
    public long[,] AllPairsLoadDistances() => _feeder.Distances().MetresBetween(_loadBuses);

    [Benchmark(Description = "load feeder CSVs")]
    public FeederTopology LoadFeeder() => DataDirectory.Feeder();
}
