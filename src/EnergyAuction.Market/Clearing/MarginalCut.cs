using System.Numerics;

namespace EnergyAuction.Market.Clearing;

/// <summary>
/// `mcafee` and `uniform`: trade q = min(sum offers, sum bids) of the winners; the longer side is
/// cut from its last (marginal) order backwards.
/// </summary>
internal static class MarginalCut
{
    public static ClearingResult Apply(Order[] offers, Order[] bids, BigInteger price)
    {
        if (offers.Length == 0 || bids.Length == 0)
            return ClearingResult.NoTrade;
        var offerAllocations = offers.Select(o => o.EnergyWh).ToArray();
        var bidAllocations = bids.Select(b => b.EnergyWh).ToArray();
        var surplus = Sum(offerAllocations) - Sum(bidAllocations);
        if (surplus > 0)
            CutFromEnd(offerAllocations, surplus);
        else if (surplus < 0)
            CutFromEnd(bidAllocations, -surplus);
        return new ClearingResult(price, Winners.Of(offers, offerAllocations), Winners.Of(bids, bidAllocations));
    }

    private static void CutFromEnd(long[] allocations, Int128 cut)
    {
        for (var k = allocations.Length - 1; cut > 0; k--)
        {
            var taken = (long)Int128.Min(allocations[k], cut);
            allocations[k] -= taken;
            cut -= taken;
        }
    }

    private static Int128 Sum(long[] values) => values.Aggregate(Int128.Zero, (sum, v) => sum + v);
}
