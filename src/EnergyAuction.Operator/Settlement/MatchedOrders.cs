using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Operator.Chain;

namespace EnergyAuction.Operator.Settlement;

/// <summary>A window's matched orders (both sides), which of them were already asked for a reading, and which bids can
/// be settled, read from the chain.</summary>
public sealed class MatchedOrders(OperatorChain chain)
{
    private const ulong MatchesPerCall = 500;
    private const int ReadsPerChunk = 32;

    /// <summary>The window's matches in posting order.</summary>
    public async Task<IReadOnlyList<ChainMatch>> MatchesAsync(ulong windowId, WindowInfo info)
    {
        var matches = new List<ChainMatch>();
        for (ulong from = 0; from < info.MatchCount; from += MatchesPerCall)
            matches.AddRange(await chain.Market.Trade.GetWindowMatchesAsync(windowId, from, Math.Min(MatchesPerCall, info.MatchCount - from)));
        return matches;
    }

    /// <summary>The distinct offers and bids of the matches, in posting order: every order whose meter is read.</summary>
    public static IReadOnlyList<ulong> OrdersOf(IEnumerable<ChainMatch> matches) =>
        [.. matches.SelectMany(m => new[] { m.OfferId, m.BidId }).Distinct()];

    /// <summary>The distinct bids of the matches, in posting order.</summary>
    public static IReadOnlyList<ulong> BidsOf(IEnumerable<ChainMatch> matches) => [.. matches.Select(m => m.BidId).Distinct()];

    /// <summary>Orders of the window already asked for: a SettlementReadingRequested event, or ReadingUnavailable when
    /// the meter had revoked the market's access (asking again would only repeat that).</summary>
    public async Task<HashSet<ulong>> RequestedAsync(ulong windowId)
    {
        var trade = chain.Market.Trade;
        var requested = await trade.GetEventsAsync<SettlementReadingRequestedEvent>(chain.Deployment.Block, null, windowId);
        var unavailable = await trade.GetEventsAsync<ReadingUnavailableEvent>(chain.Deployment.Block, null, windowId);
        return [.. requested.Select(l => l.Event.OrderId), .. unavailable.Select(l => l.Event.OrderId)];
    }

    /// <summary>The bids among <paramref name="bids"/> that are not settled yet.</summary>
    public async Task<IReadOnlyList<ulong>> UnsettledAsync(IReadOnlyList<ulong> bids)
    {
        var orders = await chain.Market.Trade.GetOrdersAsync(bids);
        return [.. bids.Where((_, i) => orders[i].Status != OrderStatus.Settled)];
    }

    /// <summary>The bids among <paramref name="bids"/> whose own reading and all their sellers' readings are in, so they
    /// can be settled before the settlement deadline.</summary>
    public async Task<IReadOnlyList<ulong>> ReadyAsync(IReadOnlyList<ulong> bids, IReadOnlyList<ChainMatch> matches)
    {
        var wanted = bids.ToHashSet();
        var sides = matches.Where(m => wanted.Contains(m.BidId)).SelectMany(m => new[] { m.OfferId, m.BidId }).Distinct().ToList();
        var read = new HashSet<ulong>();
        foreach (var chunk in sides.Chunk(ReadsPerChunk))
            foreach (var (id, reading) in await Task.WhenAll(chunk.Select(async id => (id, await chain.Market.Trade.GetOrderReadingAsync(id)))))
                if (reading.State == ReadingState.Read) read.Add(id);
        return [.. bids.Where(b => read.Contains(b) && matches.All(m => m.BidId != b || read.Contains(m.OfferId)))];
    }
}
