using BenchmarkDotNet.Attributes;
using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Benchmarks;

/// <summary>Target: clearing 100,000 orders in at most 50 ms on one core.</summary>
public class ClearingBenchmarks
{
    private OrderBook _book = OrderBook.Empty;

    [Params(Mechanism.Dpda, Mechanism.Mcafee, Mechanism.Uniform)]
    public Mechanism Mechanism { get; set; }

    [GlobalSetup]
    public void Setup() => _book = Books.Random(50_000, 50_000, 1);

    [Benchmark(Description = "clear 100,000 orders")]
    public ClearingResult Clear() => ClearingMechanisms.For(Mechanism).Clear(_book);
}
