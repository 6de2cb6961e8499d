using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Benchmarks;

/// <summary>Seeded books shaped like a microgrid window: household energies (0.1-20 kWh), prices in gwei/kWh that overlap.</summary>
internal static class Books
{
    public static OrderBook Random(int offers, int bids, int seed)
    {
        var random = new Random(seed);
        return new OrderBook(Orders("s", offers, random, 50_000), Orders("b", bids, random, 60_000));
    }

    /// <summary>Each order a household of its own on one of <paramref name="buses"/>, preferring trades within 50..300 m.</summary>
    public static Dictionary<string, Participant> Participants(OrderBook book, IReadOnlyList<string> buses, int seed)
    {
        var random = new Random(seed);
        return book.Offers.Concat(book.Bids).ToDictionary(o => o.Id, o => new Participant(buses[random.Next(buses.Count)], o.Id, random.Next(50, 300)));
    }

    private static Order[] Orders(string prefix, int count, Random random, int centre) =>
        Enumerable.Range(0, count)
            .Select(i => new Order($"{prefix}{i}", random.Next(100, 20_000), (centre + random.Next(-30_000, 30_000)) * 1_000_000_000L, i))
            .ToArray();
}
