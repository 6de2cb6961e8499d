using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Crypto;
using static EnergyAuction.IntegrationTests.Operator.OperatorMarket;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// With a gas budget far below a block (a few matches' worth, less than one reading request), the daemon cuts its
/// clearing, readings, settlement and closing batches by estimate so that every batch of more than one item fits the budget,
/// sends an item the budget cannot hold alone (with a warning), and the window still settles and closes with every
/// wei paid in withdrawable again.
/// </summary>
[NonParallelizable]
public sealed class OperatorGasBudgetTests : OperatorMarketFixture
{
    private const long Budget = 200_000;

    [Test]
    public async Task A_small_gas_budget_makes_more_smaller_batches_each_within_it_and_the_window_still_completes()
    {
        var dso = AccountKey.GenerateNew().Address;
        var sellers = new[] { ("M-21", 3_000UL, 100UL), ("M-23", 3_000UL, 101UL), ("M-25", 3_000UL, 102UL), ("M-27", 3_000UL, 103UL), ("M-29", 3_000UL, 104UL) };
        var buyers = new[] { ("M-22", 2_000UL, 200UL), ("M-24", 2_000UL, 199UL), ("M-26", 2_000UL, 198UL), ("M-28", 2_000UL, 197UL), ("M-30", 2_000UL, 196UL) };
        var prosumers = new Dictionary<string, MarketClient>();
        foreach (var meter in sellers.Select(s => s.Item1).Concat(buyers.Select(b => b.Item1)))
            prosumers[meter] = await Market.ProsumerAsync(meter);
        foreach (var (meter, wh, _) in sellers) await Market.SetBatteryAsync(meter, (long)wh);
        var (windowId, window) = await Market.OpenWindowAsync(dso);
        foreach (var (meter, wh, _) in buyers) await Market.SetDeliveryAsync(meter, window, (long)wh);
        var log = new DaemonLog();
        var options = Market.DaemonOptions(await Market.FreshCheckpointAsync());
        options.BatchSize = 1000;
        options.GasBudget = Budget;
        var daemon = await StartDaemonAsync(options, log);
        try
        {
            var offerIds = new List<ulong>();
            foreach (var (meter, wh, price) in sellers)
                offerIds.Add((await prosumers[meter].Trade.SubmitOfferAsync(windowId, meter, wh, price * Gwei)).OrderId);
            await EventuallyAsync(async () => (await Task.WhenAll(offerIds.Select(id => Market.Admin.Trade.GetOrderAsync(id)))).All(o => o.Status == OrderStatus.Valid),
                "the oracle job to validate the offers", log: log);
            foreach (var (meter, wh, price) in buyers)
                await prosumers[meter].Trade.SubmitBidAsync(windowId, meter, wh, price * Gwei);

            await Market.PassAsync(window.BiddingDeadline);
            await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.EnergyTransfer, "the daemon to clear the window", log: log);
            await Market.PassAsync(window.TransferDeadline);
            await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.Closed, "the daemon to settle and close the window", log: log);
        }
        finally
        {
            await StopDaemonAsync(daemon);
        }

        var trade = Market.Admin.Trade;
        var from = Market.Deployment.Block;
        var matches = (await Market.WindowAsync(windowId)).MatchCount;
        var posts = await BatchesAsync((await trade.GetEventsAsync<ClearingPostedEvent>(from, null, windowId))
            .SelectMany(e => Enumerable.Range(0, (int)e.Event.MatchesInBatch).Select(i => (e.TransactionHash, e.Event.TotalMatches - (ulong)i))));
        var requests = await BatchesAsync((await trade.GetEventsAsync<SettlementReadingRequestedEvent>(from, null, windowId)).Select(e => (e.TransactionHash, e.Event.OrderId)));
        var settles = await BatchesAsync((await trade.GetEventsAsync<MatchSettledEvent>(from, null, windowId)).Select(e => (e.TransactionHash, e.Event.BidId)));
        Assert.That(matches, Is.GreaterThanOrEqualTo(4UL), "enough matches that the budget cannot post them all at once");
        Assert.That(posts.Sum(p => p.Items), Is.EqualTo((int)matches));
        Assert.That(posts, Has.Count.GreaterThan(1), "the matches went out in several postClearing batches");
        Assert.That(requests, Has.Count.GreaterThan(1), "the readings were requested in several batches");
        var matchedBids = (await trade.GetAllWindowMatchesAsync(windowId, matches)).Select(m => m.BidId).Distinct().Count();
        Assert.That(settles.Sum(s => s.Items), Is.EqualTo(matchedBids), "every matched bid settled");
        var closing = (await trade.GetEventsAsync<WindowClosingEvent>(from, null, windowId)).ToList();
        var closes = await BatchesAsync(closing.SelectMany((e, i) =>
            Enumerable.Range(0, (int)(e.Event.ReleasedOrders - (i == 0 ? 0 : closing[i - 1].Event.ReleasedOrders)))
                .Select(k => (e.TransactionHash, (ulong)k + (i == 0 ? 0 : closing[i - 1].Event.ReleasedOrders)))));
        Assert.That(closes.Sum(c => c.Items), Is.EqualTo(sellers.Length + buyers.Length), "every order's deposit returned once");
        Assert.That(closes, Has.Count.GreaterThan(1), "the deposits came back in several closeWindow calls sized to the budget");
        var all = posts.Concat(requests).Concat(settles).Concat(closes).ToList();
        Assert.That(all.Where(b => b.Items > 1).Select(b => b.Gas), Is.All.LessThanOrEqualTo(new BigInteger(Budget)),
            "every batch of more than one item fits the budget");
        var alone = all.Count(b => b.Gas > Budget);
        Assert.That(log.Lines.Count(l => l.Contains("one item alone needs more than the gas budget")), Is.GreaterThanOrEqualTo(alone),
            "each item sent above the budget was warned about");

        var paidIn = (await trade.GetEventsAsync<OfferSubmittedEvent>(from, null, windowId)).Aggregate(BigInteger.Zero, (s, e) => s + e.Event.Deposit)
            + (await trade.GetEventsAsync<BidSubmittedEvent>(from, null, windowId)).Aggregate(BigInteger.Zero, (s, e) => s + e.Event.Deposit);
        var withdrawable = BigInteger.Zero;
        foreach (var account in prosumers.Values.Select(p => p.Account!).Append(dso))
            withdrawable += await trade.WithdrawableAsync(account);
        Assert.That(withdrawable, Is.EqualTo(paidIn), "every wei escrowed or posted as collateral is withdrawable");
    }

    /// <summary>The batch transactions among <paramref name="items"/> (each item with the transaction that carried it):
    /// how many distinct items each carried and the gas it used.</summary>
    private async Task<IReadOnlyList<(int Items, BigInteger Gas)>> BatchesAsync(IEnumerable<(string Transaction, ulong Item)> items)
    {
        var batches = new List<(int, BigInteger)>();
        foreach (var tx in items.GroupBy(i => i.Transaction, StringComparer.OrdinalIgnoreCase))
            batches.Add((tx.Select(i => i.Item).Distinct().Count(), (await Market.Node.Rpc.GetTransactionReceiptAsync(tx.Key))!.GasUsed));
        return batches;
    }
}
