using System.Numerics;

namespace EnergyAuction.Market.Tests;

/// <summary>Seeded random order books with the shapes that break clearing code: ties, equal prices, one-sided, huge numbers.</summary>
public sealed class RandomBooks(int seed)
{
    private readonly Random _random = new(seed);

    public Random Random => _random;

    public OrderBook Next()
    {
        var shape = _random.Next(6);
        var maxSize = _random.Next(4) == 0 ? 500 : 20;
        var offers = shape == 4 ? 0 : _random.Next(maxSize + 1);
        var bids = shape == 5 ? 0 : _random.Next(maxSize + 1);
        var huge = _random.Next(8) == 0;
        // Few distinct prices make ties common; "huge" books go near the integer limits.
        var priceLevels = _random.Next(3) == 0 ? 3 : 1000;
        return new OrderBook(Orders("s", offers, huge, priceLevels), Orders("b", bids, huge, priceLevels));
    }

    public OrderBook Shuffled(OrderBook book) => new(Shuffle(book.Offers), Shuffle(book.Bids));

    private Order[] Orders(string prefix, int count, bool huge, int priceLevels)
    {
        var seqs = Enumerable.Range(0, count).Select(i => (long)i * 3 + _random.Next(3)).ToArray();
        _random.Shuffle(seqs);
        return Enumerable.Range(0, count).Select(i => new Order(
            $"{prefix}{seqs[i]}",
            huge ? long.MaxValue - _random.NextInt64(1_000_000) : 1 + _random.NextInt64(100_000),
            huge ? (BigInteger.One << 255) + _random.Next(priceLevels) : 1000 + _random.Next(priceLevels) * 10,
            seqs[i])).ToArray();
    }

    private Order[] Shuffle(IReadOnlyList<Order> orders)
    {
        var copy = orders.ToArray();
        _random.Shuffle(copy);
        return copy;
    }
}
