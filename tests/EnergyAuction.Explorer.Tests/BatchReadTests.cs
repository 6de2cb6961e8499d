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
            foreach (var (id, order, _) in paged)
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
    public async Task EveryOrdersMeterReadWithItsPageEqualsTheRegistrysEntry()
    {
        var market = ExplorerMarket.Operator;
        var seen = 0;
        for (ulong w = 1; w <= await market.Trade.WindowCountAsync(); w++)
        {
            foreach (var (id, order, meter) in await market.Trade.GetWindowOrdersAsync(w))
            {
                Assert.That(meter, Is.EqualTo(await market.DataAccess.MeterOfAsync(order.Meter)), $"order {id}'s meter {order.Meter}");
                Assert.That(meter.IsRegistered, $"meter {order.Meter} is registered");
                seen++;
            }
        }
        Assert.That(seen, Is.GreaterThan(0), "the market has orders");
    }

    // OrderInfo holds its meter id as bytes, which records compare by reference.
    private static void AssertSame(Chain.OrderInfo read, Chain.OrderInfo single, string what)
    {
        Assert.That(read with { MeterId = single.MeterId }, Is.EqualTo(single), what);
        Assert.That(read.MeterId, Is.EqualTo(single.MeterId), $"{what}'s meter");
    }
}
