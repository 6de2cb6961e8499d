using System.Numerics;

namespace EnergyAuction.Market;

/// <summary>
/// MARKET.md "Clearing" sort order: offers by (price asc, seq asc), bids by (price desc, seq asc).
/// </summary>
public static class PricePriority
{
    private static readonly BigInteger MaxKey = (BigInteger)UInt128.MaxValue;

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

    public static Order[] SortOffers(IReadOnlyList<Order> offers) => Sorted(offers, descending: false);

    public static Order[] SortBids(IReadOnlyList<Order> bids) => Sorted(bids, descending: true);

    // Prices that fit 128 bits (every realistic wei/kWh) sort on struct keys, several times faster
    // than comparing BigIntegers through a delegate; larger prices take the general path.
    private static Order[] Sorted(IReadOnlyList<Order> orders, bool descending)
    {
        var sorted = orders.ToArray();
        if (!sorted.All(o => o.Price.Sign >= 0 && o.Price <= MaxKey))
        {
            Array.Sort(sorted, descending ? CompareBids : CompareOffers);
            return sorted;
        }

        var keys = new SortKey[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            var price = (UInt128)sorted[i].Price;
            keys[i] = new SortKey(descending ? UInt128.MaxValue - price : price, sorted[i].Seq);
        }

        Array.Sort(keys, sorted);
        return sorted;
    }

    private readonly record struct SortKey(UInt128 Price, long Seq) : IComparable<SortKey>
    {
        public int CompareTo(SortKey other)
        {
            var byPrice = Price.CompareTo(other.Price);
            return byPrice != 0 ? byPrice : Seq.CompareTo(other.Seq);
        }
    }
}
