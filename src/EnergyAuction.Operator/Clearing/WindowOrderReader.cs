using EnergyAuction.Operator.Chain;

namespace EnergyAuction.Operator.Clearing;

/// <summary>Reads a window's orders and their meters' buses from the chain.</summary>
public sealed class WindowOrderReader(OperatorChain chain)
{
    // Calls are issued this many at a time: enough to hide round trips, few enough not to swamp the node.
    private const int Concurrency = 32;

    /// <summary>Every order of the window (any status), in order id order.</summary>
    public async Task<IReadOnlyList<WindowOrder>> ReadAsync(ulong windowId)
    {
        var trade = chain.Market.Trade;
        var ids = await trade.GetWindowOrderIdsAsync(windowId);
        var orders = new List<(ulong Id, EnergyAuction.Chain.OrderInfo Order)>(ids.Length);
        foreach (var chunk in ids.Order().Chunk(Concurrency))
            orders.AddRange(await Task.WhenAll(chunk.Select(async id => (id, await trade.GetOrderAsync(id)))));

        var buses = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var chunk in orders.Select(o => o.Order.Meter).Distinct(StringComparer.Ordinal).Chunk(Concurrency))
            foreach (var (meter, info) in await Task.WhenAll(chunk.Select(async m => (m, await chain.Market.DataAccess.MeterOfAsync(m)))))
                buses[meter] = info.Bus;
        return [.. orders.Select(o => new WindowOrder(o.Id, o.Order, buses[o.Order.Meter]))];
    }
}
