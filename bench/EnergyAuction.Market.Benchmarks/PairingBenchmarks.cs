using BenchmarkDotNet.Attributes;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Benchmarks;

/// <summary>
/// Clearing (dpda) + score pairing on the IEEE feeder through the engine's one entry point (L = 400 m, beyond every
/// distance between two loads, so no order is unreachable; the cap of 20 matches per bid may force removal rounds). Targets: 2,000 bids x 2,000 offers in at most
/// 1 s; the DPDA thesis reports 7.6 ms for 55 participants.
/// </summary>
public class PairingBenchmarks
{
    private OrderBook _book = OrderBook.Empty;
    private Dictionary<string, Participant> _participants = [];
    private FeederDistances _distances = null!;

    [Params(55, 4000)]
    public int Participants { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var feeder = DataDirectory.Feeder();
        _distances = feeder.Distances();
        _book = Books.Random(Participants / 2, Participants - Participants / 2, 2);
        _participants = Books.Participants(_book, feeder.Loads.Select(l => l.Bus).ToArray(), 3);
    }

    [Benchmark(Description = "clear + pair")]
    public PairedWindow ClearAndPair() =>
        WindowPairing.ClearAndPair(new WindowBook(_book.Offers, _book.Bids, _participants), _distances,
            new PairingParameters(Mechanism.Dpda, 2_000_000_000, 400));
}
