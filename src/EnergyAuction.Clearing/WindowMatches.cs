using EnergyAuction.Chain;

namespace EnergyAuction.Clearing;

/// <summary>All matches posted for a window, in posting order, read in pages.</summary>
public static class WindowMatches
{
    private const ulong PageSize = 500;

    public static async Task<IReadOnlyList<ChainMatch>> ReadAsync(MarketClient market, ulong windowId, ulong matchCount)
    {
        var matches = new List<ChainMatch>((int)matchCount);
        for (ulong from = 0; from < matchCount; from += PageSize)
            matches.AddRange(await market.Trade.GetWindowMatchesAsync(windowId, from, Math.Min(PageSize, matchCount - from)));
        return matches;
    }
}
