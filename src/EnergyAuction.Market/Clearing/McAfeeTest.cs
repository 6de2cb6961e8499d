using System.Numerics;

namespace EnergyAuction.Market.Clearing;

/// <summary>
/// MARKET.md "McAfee test": p̂ = floor((P(S_{y+1}) + P(B_{x+1})) / 2) must lie in [P(S_y), P(B_x)];
/// without a next bid or a next offer the test fails.
/// </summary>
internal static class McAfeeTest
{
    /// <summary>p̂ when the test passes, otherwise null.</summary>
    public static BigInteger? PassingPrice(SortedBook book, Crossing crossing)
    {
        var (x, y) = crossing;
        if (x >= book.Bids.Length || y >= book.Offers.Length)
            return null;
        var candidate = MidpointPrice.Of(book.Offers[y].Price, book.Bids[x].Price);
        return book.Offers[y - 1].Price <= candidate && candidate <= book.Bids[x - 1].Price ? candidate : null;
    }
}
