namespace EnergyAuction.Explorer.Tests;

/// <summary>The batched and paged reads the explorer's pages use give what the one-call-per-item reads give.</summary>
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
            AssertSame(order, await trade.GetOrderAsync(id), $"order {id}");
    }

    [Test]
    public async Task EveryWindowsOrdersReadInPagesAreItsOrdersInSubmissionOrder()
    {
        var trade = ExplorerMarket.Operator.Trade;
        var windows = await trade.WindowCountAsync();
        var seen = 0;
        for (ulong w = 1; w <= windows; w++)
        {
            var paged = await trade.GetWindowOrdersAsync(w);

            Assert.That(paged.Select(o => o.Id), Is.EqualTo(await trade.GetWindowOrderIdsAsync(w)), $"window {w}'s order ids");
            foreach (var (id, order) in paged)
            {
                Assert.That(order.WindowId, Is.EqualTo(w), $"order {id}'s window");
                AssertSame(order, await trade.GetOrderAsync(id), $"order {id}");
            }
            seen += paged.Count;
        }
        Assert.That(seen, Is.EqualTo((int)await trade.OrderCountAsync()), "every order is in one window's pages");
    }

    [Test]
    public async Task AWindowsMatchesReadInOneBatchAreThePostedOnesInOrder()
    {
        var trade = ExplorerMarket.Operator.Trade;
        var (id, plan) = ExplorerMarket.Honest;
        var info = await trade.GetWindowAsync(id);

        var matches = await trade.GetAllWindowMatchesAsync(id, info.MatchCount);

        Assert.That(matches, Is.EqualTo(plan.Matches), "the matches the operator posted, in posting order");
        Assert.That(matches, Is.EqualTo(await trade.GetWindowMatchesAsync(id, 0, info.MatchCount)));
    }

    [Test]
    public async Task EveryMeterReadInBatchesEqualsTheRegistrysEntry()
    {
        var market = ExplorerMarket.Operator;
        var meters = new List<string>();
        for (ulong w = 1; w <= await market.Trade.WindowCountAsync(); w++)
            meters.AddRange((await market.Trade.GetWindowOrdersAsync(w)).Select(o => o.Order.Meter));

        var read = await market.DataAccess.MetersOfAsync(meters);

        Assert.That(read.Keys, Is.EquivalentTo(meters.Distinct()));
        foreach (var (meter, info) in read)
        {
            Assert.That(info, Is.EqualTo(await market.DataAccess.MeterOfAsync(meter)), $"meter {meter}");
            Assert.That(info.IsRegistered, $"meter {meter} is registered");
        }
    }

    // OrderInfo holds its meter id as bytes, which records compare by reference.
    private static void AssertSame(Chain.OrderInfo read, Chain.OrderInfo single, string what)
    {
        Assert.That(read with { MeterId = single.MeterId }, Is.EqualTo(single), what);
        Assert.That(read.MeterId, Is.EqualTo(single.MeterId), $"{what}'s meter");
    }
}
