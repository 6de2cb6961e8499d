namespace EnergyAuction.Market.Clearing;

/// <summary>
/// `dpda` step 3: curtail the winning offers by equal shares until supply equals demand.
/// share = floor(excess / k) over the k offers still above zero; an offer holding no more than the
/// share drops to 0 and the rest is re-shared; the last (excess mod k) Wh come 1 Wh each from the
/// lowest-priority offers still trading.
/// </summary>
internal static class WaterFillingCurtailment
{
    /// <param name="allocations">Offer allocations in priority order, curtailed in place.</param>
    /// <param name="excessWh">sum(allocations) - demand; 0 &lt;= excess &lt; sum(allocations).</param>
    public static void Apply(long[] allocations, Int128 excessWh)
    {
        if (excessWh == 0)
            return;

        // Dropping the smallest offers one at a time gives the same set as dropping every offer at or
        // below the share at once (the share only grows as offers drop), and needs one sort, not k passes.
        var bySize = Enumerable.Range(0, allocations.Length).ToArray();
        Array.Sort(allocations.ToArray(), bySize);
        var dropped = 0;
        var share = excessWh / allocations.Length;
        while (allocations[bySize[dropped]] <= share)
        {
            excessWh -= allocations[bySize[dropped]];
            allocations[bySize[dropped]] = 0;
            dropped++;
            share = excessWh / (allocations.Length - dropped);
        }

        var remaining = allocations.Length - dropped;
        var extra = (int)(excessWh - share * remaining);
        for (var k = allocations.Length - 1; k >= 0; k--)
        {
            if (allocations[k] == 0)
                continue;
            allocations[k] -= (long)share + (extra > 0 ? 1 : 0);
            extra--;
        }
    }
}
