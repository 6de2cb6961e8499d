namespace EnergyAuction.Market.Clearing;

/// <summary>
/// `dpda` step 2: while the winning offers hold less energy than the winning bids, drop the last
/// winning bid, so every bid that stays a winner can be filled completely.
/// </summary>
internal static class DemandPriority
{
    /// <summary>How many of the leading winning bids stay winners.</summary>
    public static int KeptBidCount(Order[] winningBids, Int128 offeredWh)
    {
        var demand = winningBids.Aggregate(Int128.Zero, (sum, b) => sum + b.EnergyWh);
        var kept = winningBids.Length;
        while (kept > 0 && offeredWh < demand)
            demand -= winningBids[--kept].EnergyWh;
        return kept;
    }
}
