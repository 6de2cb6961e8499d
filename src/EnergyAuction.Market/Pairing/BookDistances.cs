using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// d(b, s) in whole metres between the buses of a book's orders, every needed distance computed once
/// (MARKET.md "Pairing": once per topology version). The pairing's loops over every (bid, offer) pair look each
/// order's bus up once (<see cref="BusOf"/>) and then read the matrix by bus.
/// </summary>
internal sealed class BookDistances
{
    private readonly Dictionary<string, int> _busOf;
    private readonly long[,] _metres;

    public BookDistances(WindowBook book, FeederDistances feeder)
    {
        var buses = book.Participants.Values.Select(p => p.Bus).Distinct(StringComparer.Ordinal).ToArray();
        var index = buses.Select((bus, i) => (bus, i)).ToDictionary(x => x.bus, x => x.i, StringComparer.Ordinal);
        _busOf = book.Participants.ToDictionary(p => p.Key, p => index[p.Value.Bus], StringComparer.Ordinal);
        _metres = feeder.MetresBetween(buses);
    }

    public long Metres(string orderA, string orderB) => _metres[_busOf[orderA], _busOf[orderB]];

    /// <summary>The index of an order's bus, for <see cref="Metres(int, int)"/>.</summary>
    public int BusOf(string orderId) => _busOf[orderId];

    /// <summary>Metres between two buses by their <see cref="BusOf"/> indexes.</summary>
    public long Metres(int busA, int busB) => _metres[busA, busB];
}
