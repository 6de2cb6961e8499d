namespace EnergyAuction.Market.Clearing;

/// <summary>A book sorted into S_1..S_n and B_1..B_m (MARKET.md "Clearing").</summary>
internal sealed class SortedBook
{
    public SortedBook(OrderBook book)
    {
        Offers = PricePriority.SortOffers(book.Offers);
        Bids = PricePriority.SortBids(book.Bids);
    }

    /// <summary>S_1..S_n, zero-based here: S_i is Offers[i - 1].</summary>
    public Order[] Offers { get; }

    /// <summary>B_1..B_m, zero-based here: B_j is Bids[j - 1].</summary>
    public Order[] Bids { get; }
}
