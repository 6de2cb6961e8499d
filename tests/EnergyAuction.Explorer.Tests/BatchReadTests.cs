using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Tests;

/// <summary>The explorer's batched reads give what the Chain library's one-call-per-order reads give.</summary>
public sealed class BatchReadTests
{
    [Test]
    public async Task EveryOrderReadInBatchesEqualsTheChainsOrder()
    {
        var trade = ExplorerMarket.Operator.Trade;
        var ids = Enumerable.Range(1, (int)await trade.OrderCountAsync()).Select(i => (ulong)i).ToList();

        var batched = await BatchCalls.OrdersAsync(ExplorerMarket.Operator, ids, CancellationToken.None);

        Assert.That(OrderViewWords.Applies, "the generated OrderView has the layout the fast decoder reads");
        Assert.That(batched.Select(o => o.Id), Is.EqualTo(ids));
        foreach (var (id, order) in batched)
        {
            var single = await trade.GetOrderAsync(id);
            Assert.That(order with { MeterId = single.MeterId }, Is.EqualTo(single), $"order {id}");
            Assert.That(order.MeterId, Is.EqualTo(single.MeterId), $"order {id}'s meter");
        }
    }
}
