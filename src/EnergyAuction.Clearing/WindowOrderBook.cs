using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;

namespace EnergyAuction.Clearing;

/// <summary>A window's valid orders, in order id order, each with its meter's feeder bus and owner, read from the chain.</summary>
public static class WindowOrderBook
{
    /// <summary>The orders that trade in a window now in Matching (<see cref="OrderValidity.TradesInMatching"/>).</summary>
    public static async Task<IReadOnlyList<WindowOrder>> ReadInMatchingAsync(MarketClient market, ulong windowId)
    {
        var orders = await ReadOrdersAsync(market, windowId);
        return await WithMetersAsync(market, [.. orders.Where(o => OrderValidity.TradesInMatching(o.Order))]);
    }

    /// <summary>
    /// The orders that traded when the window was cleared, rebuilt at any later time (<see cref="OrderValidity.TradedAtClearing"/>):
    /// what <c>energy market verify</c> audits after settlement.
    /// </summary>
    public static async Task<IReadOnlyList<WindowOrder>> ReadAsClearedAsync(MarketClient market, ulong windowId, WindowInfo window)
    {
        var orders = await ReadOrdersAsync(market, windowId);
        var validated = window.Params.ValidateOffers
            ? (await market.Trade.GetEventsAsync<OfferValidatedEvent>(market.Deployment.Block)).Select(e => e.Event.OrderId).ToHashSet()
            : null;
        return await WithMetersAsync(market, [.. orders.Where(o => OrderValidity.TradedAtClearing(o.Id, o.Order, validated))]);
    }

    // Every page in one JSON-RPC batch (windowOrders, meterOf); submission order is order id order.
    private static async Task<List<(ulong Id, OrderInfo Order)>> ReadOrdersAsync(MarketClient market, ulong windowId) =>
        [.. (await market.Trade.GetWindowOrdersAsync(windowId)).OrderBy(o => o.Id)];

    private static async Task<IReadOnlyList<WindowOrder>> WithMetersAsync(MarketClient market, List<(ulong Id, OrderInfo Order)> orders)
    {
        var meters = await market.DataAccess.MetersOfAsync(orders.Select(o => o.Order.Meter));
        return [.. orders.Select(o => new WindowOrder(o.Id, o.Order, meters[o.Order.Meter].Bus, meters[o.Order.Meter].Owner))];
    }
}
