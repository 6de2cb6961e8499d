using EnergyAuction.Chain;

namespace EnergyAuction.Clearing;

/// <summary>The posted matches' distances against the feeder registry the DSO keeps in DataAccess (MARKET.md "Pairing":
/// on chain the figures come from the registry, never from the operator). postClearing refuses a match whose distance is
/// not the registry's, but the DSO may record a figure again after a window cleared, so `energy market verify` names
/// every match whose distance differs from the one the registry now holds between the two meters' buses. A pair the
/// registrar recorded nothing for is not judged here (the feeder recomputation still is).</summary>
public static class RegistryDistanceCheck
{
    private const int MatchesListed = 10;

    /// <summary>One line per posted match whose distance differs from the registry's (at most ten, then a count).</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(MarketClient market, IReadOnlyList<WindowOrder> book,
        IReadOnlyList<ChainMatch> posted, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        var busOf = book.ToDictionary(o => o.OrderId, o => o.Bus);
        var recorded = new Dictionary<(uint, uint), ulong?>();
        var differing = new List<string>();
        for (var i = 0; i < posted.Count; i++)
        {
            var m = posted[i];
            if (!busOf.TryGetValue(m.OfferId, out var seller) || !busOf.TryGetValue(m.BidId, out var buyer)) continue;
            var pair = seller < buyer ? (seller, buyer) : (buyer, seller);
            if (!recorded.TryGetValue(pair, out var metres))
                recorded[pair] = metres = await market.DataAccess.DistanceBetweenAsync(pair.Item1, pair.Item2, ct).ConfigureAwait(false);
            if (metres is { } r && r != m.DistanceM)
                differing.Add($"match #{i + 1}: posted {m.DistanceM} m between buses {seller} and {buyer}, the feeder registry says {r} m");
        }
        return differing.Count <= MatchesListed ? differing : [.. differing.Take(MatchesListed), $"{differing.Count - MatchesListed} more match distances differ from the registry"];
    }
}
