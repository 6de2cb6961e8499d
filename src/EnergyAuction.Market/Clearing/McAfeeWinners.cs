using System.Numerics;

namespace EnergyAuction.Market.Clearing;

/// <summary>
/// Winner sets and price shared by `mcafee` and step 1 of `dpda`: B_1..B_x and S_1..S_y at p̂ if
/// the McAfee test passes; otherwise trade reduction, B_1..B_{x-1} and S_1..S_{y-1} at
/// floor((P(S_y) + P(B_x)) / 2).
/// </summary>
internal readonly record struct McAfeeWinners(int BidCount, int OfferCount, BigInteger Price, bool TestPassed)
{
    public static McAfeeWinners Select(SortedBook book, Crossing crossing)
    {
        var (x, y) = crossing;
        return McAfeeTest.PassingPrice(book, crossing) is { } passing
            ? new McAfeeWinners(x, y, passing, true)
            : new McAfeeWinners(x - 1, y - 1, MidpointPrice.Of(book.Offers[y - 1].Price, book.Bids[x - 1].Price), false);
    }
}
