using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;

namespace EnergyAuction.Cli.Verification;

/// <summary>
/// A window's orders as they stood when the operator cleared it, rebuilt from the chain at any later time, with the
/// feeder bus of each order's meter (DataAccess). Valid at clearing: a bid that was not cancelled; an offer that was
/// neither cancelled nor rejected and, in a window that validates offers, holds an OfferValidated event (readings
/// are only accepted while orders are taken, so a later one cannot have made an offer valid).
/// </summary>
/// <remarks>The operator daemon reads the same orders during Matching from their live status (Valid or Matched);
/// after settlement those statuses read Settled or Refunded, hence the events here.</remarks>
public sealed record OnChainOrderBook(IReadOnlyList<OnChainOrderBook.Entry> Orders)
{
    public sealed record Entry(ulong OrderId, OrderInfo Order, uint Bus);

    public static async Task<OnChainOrderBook> ReadAsync(MarketClient market, ulong windowId, WindowInfo window)
    {
        var ids = (await market.Trade.GetWindowOrderIdsAsync(windowId)).Order().ToArray();
        var orders = await Task.WhenAll(ids.Select(id => market.Trade.GetOrderAsync(id)));
        var validated = window.Params.ValidateOffers
            ? (await market.Trade.GetEventsAsync<OfferValidatedEvent>(market.Deployment.Block)).Select(e => e.Event.OrderId).ToHashSet()
            : null;
        var trading = ids.Zip(orders).Where(o => WasValid(o.First, o.Second, validated)).ToArray();
        var buses = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var meter in trading.Select(o => o.Second.Meter).Distinct(StringComparer.Ordinal))
            buses[meter] = (await market.DataAccess.MeterOfAsync(meter)).Bus;
        return new OnChainOrderBook([.. trading.Select(o => new Entry(o.First, o.Second, buses[o.Second.Meter]))]);
    }

    private static bool WasValid(ulong id, OrderInfo order, HashSet<ulong>? validated) =>
        order.Status is not (OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.None)
        && (order.Side == OrderSide.Bid || validated is null || validated.Contains(id));
}
