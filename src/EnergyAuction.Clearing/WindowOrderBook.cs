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
        return [.. orders.Where(o => OrderValidity.TradesInMatching(o.Order)).Select(ToWindowOrder)];
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
        return [.. orders.Where(o => OrderValidity.TradedAtClearing(o.Id, o.Order, validated)).Select(ToWindowOrder)];
    }

    // Every page in one JSON-RPC batch, each order with its meter's registry entry; submission order is order id order.
    private static async Task<List<(ulong Id, OrderInfo Order, MeterInfo Meter)>> ReadOrdersAsync(MarketClient market, ulong windowId) =>
        [.. (await market.Trade.GetWindowOrdersAsync(windowId)).OrderBy(o => o.Id)];

    private static WindowOrder ToWindowOrder((ulong Id, OrderInfo Order, MeterInfo Meter) o) => new(o.Id, o.Order, o.Meter.Bus, o.Meter.Owner);
}
