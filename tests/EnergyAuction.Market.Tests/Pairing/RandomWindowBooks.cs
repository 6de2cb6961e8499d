using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Tests.Pairing;

/// <summary>
/// Random books (<see cref="RandomBooks"/>) with participants on the fallback feeder: few owners (so one owner often
/// holds several orders), D often given, L from a few metres to beyond the feeder.
/// </summary>
public sealed class RandomWindowBooks(int seed)
{
    public static readonly FeederTopology Feeder = FallbackFeeder.Create();
    public static readonly FeederDistances Distances = Feeder.Distances();
    private static readonly string[] Loads = [.. Feeder.Loads.Select(l => l.Bus)];

    private readonly RandomBooks _books = new(seed);

    public Random Random => _books.Random;

    public (WindowBook Book, PairingParameters Parameters) Next(int maxOrders = 500)
    {
        var random = Random;
        OrderBook orders;
        do
            orders = _books.Next();
        while (orders.Offers.Count + orders.Bids.Count > maxOrders);
        var parameters = new PairingParameters((EnergyAuction.Market.Clearing.Mechanism)random.Next(3), random.Next(3) == 0 ? 0 : random.Next(1, 5000),
            random.Next(4) == 0 ? random.Next(0, 60) : random.Next(60, 400), random.Next(3) == 0 ? random.Next(1, 4) : MarketLimits.MaxMatchesPerBid);
        var owners = random.Next(1, 12);
        // Ids of the two sides are distinct ("s…" and "b…"), as order ids on chain are.
        var participants = orders.Offers.Concat(orders.Bids).ToDictionary(o => o.Id, _ => new Participant(
            Loads[random.Next(Loads.Length)], $"owner{random.Next(owners)}",
            random.Next(2) == 0 || parameters.MaxDistanceM == 0 ? null : random.NextInt64(1, parameters.MaxDistanceM + 1)));
        return (new WindowBook(orders.Offers, orders.Bids, participants), parameters);
    }

    public WindowBook Shuffled(WindowBook book)
    {
        var shuffled = _books.Shuffled(book.Orders);
        return book with { Offers = shuffled.Offers, Bids = shuffled.Bids };
    }
}
