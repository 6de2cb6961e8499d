namespace EnergyAuction.Explorer.Tests;

/// <summary>The batched reads the explorer's pages use give what the one-call-per-order reads give.</summary>
public sealed class BatchReadTests
{
    [Test]
    public async Task EveryOrderReadInBatchesEqualsTheChainsOrder()
    {
        var trade = ExplorerMarket.Operator.Trade;
        var ids = Enumerable.Range(1, (int)await trade.OrderCountAsync()).Select(i => (ulong)i).ToList();

        var orders = await trade.GetOrdersAsync(ids);

        Assert.That(orders, Has.Count.EqualTo(ids.Count));
        foreach (var (id, order) in ids.Zip(orders))
        {
            var single = await trade.GetOrderAsync(id);
            Assert.That(order with { MeterId = single.MeterId }, Is.EqualTo(single), $"order {id}");
            Assert.That(order.MeterId, Is.EqualTo(single.MeterId), $"order {id}'s meter");
        }
    }
}
