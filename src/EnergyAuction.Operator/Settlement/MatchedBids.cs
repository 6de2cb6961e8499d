using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Operator.Chain;

namespace EnergyAuction.Operator.Settlement;

/// <summary>A window's matched bids and the ones whose delivery reading was already requested, read from the chain.</summary>
public sealed class MatchedBids(OperatorChain chain)
{
    private const ulong MatchesPerCall = 500;

    /// <summary>The distinct bids of the window's matches, in posting order.</summary>
    public async Task<IReadOnlyList<ulong>> OfAsync(ulong windowId, WindowInfo info)
    {
        var bids = new List<ulong>();
        var seen = new HashSet<ulong>();
        for (ulong from = 0; from < info.MatchCount; from += MatchesPerCall)
            foreach (var match in await chain.Market.Trade.GetWindowMatchesAsync(windowId, from, Math.Min(MatchesPerCall, info.MatchCount - from)))
                if (seen.Add(match.BidId)) bids.Add(match.BidId);
        return bids;
    }

    /// <summary>Bids of the window already asked for: a DeliveryRequested event, or DeliveryUnreadable when the
    /// buyer's meter had revoked the market's access (asking again would only repeat that).</summary>
    public async Task<HashSet<ulong>> RequestedAsync(ulong windowId)
    {
        var trade = chain.Market.Trade;
        var requested = await trade.GetEventsAsync<DeliveryRequestedEvent>(chain.Deployment.Block, null, windowId);
        var unreadable = await trade.GetEventsAsync<DeliveryUnreadableEvent>(chain.Deployment.Block, null, windowId);
        return [.. requested.Select(l => l.Event.BidId), .. unreadable.Select(l => l.Event.BidId)];
    }

    /// <summary>The bids among <paramref name="bids"/> that are not settled yet.</summary>
    public async Task<IReadOnlyList<ulong>> UnsettledAsync(IReadOnlyList<ulong> bids)
    {
        var unsettled = new List<ulong>();
        foreach (var chunk in bids.Chunk(32))
            foreach (var (id, order) in await Task.WhenAll(chunk.Select(async id => (id, await chain.Market.Trade.GetOrderAsync(id)))))
                if (order.Status != OrderStatus.Settled) unsettled.Add(id);
        return unsettled;
    }
}
