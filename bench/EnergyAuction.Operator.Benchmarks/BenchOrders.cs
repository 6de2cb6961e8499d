using System.Numerics;

namespace EnergyAuction.Operator.Benchmarks;

/// <summary>One order of the benchmark window: which household places it, how much, at what price (wei per kWh).</summary>
public sealed record BenchOrder(string Meter, bool IsOffer, ulong EnergyWh, BigInteger Price);

/// <summary>A reproducible book: households M-1..M-27 sell, M-28..M-55 buy; 0.5-5 kWh each at overlapping prices.</summary>
public static class BenchOrders
{
    public const int Sellers = 27;
    public const int Households = 55;
    private static readonly BigInteger Gwei = 1_000_000_000;

    public static IReadOnlyList<BenchOrder> Generate(int offers, int bids, int seed = 2024)
    {
        var random = new Random(seed);
        var orders = new List<BenchOrder>(offers + bids);
        for (var i = 0; i < offers; i++)
            orders.Add(new BenchOrder($"M-{1 + i % Sellers}", true, (ulong)random.Next(500, 5_001), random.Next(80, 161) * Gwei));
        for (var i = 0; i < bids; i++)
            orders.Add(new BenchOrder($"M-{Sellers + 1 + i % (Households - Sellers)}", false, (ulong)random.Next(500, 5_001), random.Next(120, 221) * Gwei));
        return orders;
    }
}
