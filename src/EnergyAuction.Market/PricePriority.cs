namespace EnergyAuction.Market;

/// <summary>
/// MARKET.md "Clearing" sort order: offers by (price asc, seq asc), bids by (price desc, seq asc).
/// </summary>
public static class PricePriority
{
    public static int CompareOffers(Order a, Order b)
    {
        var byPrice = a.Price.CompareTo(b.Price);
        return byPrice != 0 ? byPrice : a.Seq.CompareTo(b.Seq);
    }

    public static int CompareBids(Order a, Order b)
    {
        var byPrice = b.Price.CompareTo(a.Price);
        return byPrice != 0 ? byPrice : a.Seq.CompareTo(b.Seq);
    }

    public static Order[] SortOffers(IReadOnlyList<Order> offers) => Sorted(offers, CompareOffers);

    public static Order[] SortBids(IReadOnlyList<Order> bids) => Sorted(bids, CompareBids);

    private static Order[] Sorted(IReadOnlyList<Order> orders, Comparison<Order> comparison)
    {
        var sorted = orders.ToArray();
        Array.Sort(sorted, comparison);
        return sorted;
    }
}
