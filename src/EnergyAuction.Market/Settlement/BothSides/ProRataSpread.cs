namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// MARKET.md "Settlement", delivered per side: Q = min(reading, E') spread over the order's matches in posted order,
/// match m first getting floor(Q * E_m / E'), then the first r matches 1 Wh more each, r being what is left.
/// E' is the sum of the matches, so no match gets more than E_m.
/// </summary>
public static class ProRataSpread
{
    /// <param name="readingWh">The side's meter reading (export X_s or import R_b), not negative.</param>
    /// <param name="matchEnergiesWh">E_m of the order's matches, in posted order, each &gt; 0.</param>
    /// <returns>s_m or b_m per match, same order.</returns>
    public static long[] Of(long readingWh, IReadOnlyList<long> matchEnergiesWh)
    {
        var matched = matchEnergiesWh.Aggregate(Int128.Zero, (sum, e) => sum + e);
        var delivered = Int128.Min(readingWh, matched);
        var split = new long[matchEnergiesWh.Count];
        if (matched == 0)
            return split;
        var left = delivered;
        for (var m = 0; m < split.Length; m++)
        {
            split[m] = (long)(delivered * matchEnergiesWh[m] / matched);
            left -= split[m];
        }

        for (var m = 0; left > 0; m++, left--)
            split[m]++;
        return split;
    }
}
