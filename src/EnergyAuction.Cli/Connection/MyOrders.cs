using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;

namespace EnergyAuction.Cli.Connection;

/// <summary>The orders an address placed, found through the OfferSubmitted/BidSubmitted events indexed by owner,
/// with each order's current state read from the contract.</summary>
public static class MyOrders
{
    public sealed record Placed(ulong OrderId, OrderInfo Info);

    public static async Task<IReadOnlyList<Placed>> ReadAsync(MarketClient market, string owner, ulong? windowId = null)
    {
        var from = market.Deployment.Block;
        var offers = await market.Trade.GetEventsAsync<OfferSubmittedEvent>(from, null, windowId, null, owner);
        var bids = await market.Trade.GetEventsAsync<BidSubmittedEvent>(from, null, windowId, null, owner);
        var ids = offers.Select(e => e.Event.OrderId).Concat(bids.Select(e => e.Event.OrderId)).Order().ToArray();
        var infos = await Task.WhenAll(ids.Select(id => market.Trade.GetOrderAsync(id)));
        return [.. ids.Zip(infos, (id, info) => new Placed(id, info))];
    }
}
