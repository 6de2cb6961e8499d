namespace EnergyAuction.Market;

/// <summary>The orders of one trading window, as submitted (unsorted).</summary>
public sealed record OrderBook(IReadOnlyList<Order> Offers, IReadOnlyList<Order> Bids)
{
    public static OrderBook Empty { get; } = new([], []);
}
