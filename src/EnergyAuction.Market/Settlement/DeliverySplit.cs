namespace EnergyAuction.Market.Settlement;

/// <summary>
/// MARKET.md "Settlement": a bid's delivered energy D_b = min(R_b, E_b) spread over its matches
/// pro rata, d_m = floor(D_b * E_m / E_b); the remainder goes 1 Wh each to the first matches in
/// pairing order. E_b here is the bid's matched energy (the sum of its matches), which equals the
/// bid's energy under `dpda`; for a bid cut by `mcafee`/`uniform` it keeps every d_m &lt;= E_m.
/// </summary>
public static class DeliverySplit
{
    /// <param name="receivedWh">R_b, the buyer's meter reading for the transfer interval.</param>
    /// <param name="matchEnergiesWh">E_m of the bid's matches, in pairing order.</param>
    /// <returns>d_m per match, same order.</returns>
    public static long[] Spread(long receivedWh, IReadOnlyList<long> matchEnergiesWh)
    {
        var matched = matchEnergiesWh.Aggregate(Int128.Zero, (sum, e) => sum + e);
        var delivered = Int128.Min(Int128.Max(receivedWh, 0), matched);
        var split = new long[matchEnergiesWh.Count];
        if (matched == 0)
            return split;
        var remainder = delivered;
        for (var m = 0; m < split.Length; m++)
        {
            split[m] = (long)(delivered * matchEnergiesWh[m] / matched);
            remainder -= split[m];
        }

        for (var m = 0; remainder > 0; m++, remainder--)
            split[m]++;
        return split;
    }
}
