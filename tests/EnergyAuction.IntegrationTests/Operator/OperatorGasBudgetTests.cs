using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Crypto;
using static EnergyAuction.IntegrationTests.Operator.OperatorMarket;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// With a gas budget far below a block, the daemon cuts its clearing, readings and settlement batches by estimate so
/// that every batch transaction fits the budget, sends more of them, and the window still settles and closes with
/// every wei paid in withdrawable again.
/// </summary>
[NonParallelizable]
public sealed class OperatorGasBudgetTests : OperatorMarketFixture
{
    private const long Budget = 600_000;

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
        var posts = await GasPerTransactionAsync((await trade.GetEventsAsync<ClearingPostedEvent>(from, null, windowId)).Select(e => e.TransactionHash));
        var requests = await GasPerTransactionAsync((await trade.GetEventsAsync<SettlementReadingRequestedEvent>(from, null, windowId)).Select(e => e.TransactionHash));
        var settles = await GasPerTransactionAsync((await trade.GetEventsAsync<MatchSettledEvent>(from, null, windowId)).Select(e => e.TransactionHash));
        Assert.That(matches, Is.GreaterThanOrEqualTo(4UL), "enough matches that one budget cannot post them all");
        Assert.That(posts, Has.Count.GreaterThan(1), "the matches went out in several postClearing batches");
        Assert.That(requests, Has.Count.GreaterThan(1), "the readings were requested in several batches");
        Assert.That(posts.Concat(requests).Concat(settles), Is.All.LessThanOrEqualTo(new BigInteger(Budget)), "every batch transaction fits the budget");
        Assert.That(log.Lines.Where(l => l.Contains("above the gas budget")), Is.Empty, "no item needed more than the budget alone");

        var paidIn = (await trade.GetEventsAsync<OfferSubmittedEvent>(from, null, windowId)).Aggregate(BigInteger.Zero, (s, e) => s + e.Event.Deposit)
            + (await trade.GetEventsAsync<BidSubmittedEvent>(from, null, windowId)).Aggregate(BigInteger.Zero, (s, e) => s + e.Event.Deposit);
        var withdrawable = BigInteger.Zero;
        foreach (var account in prosumers.Values.Select(p => p.Account!).Append(dso))
            withdrawable += await trade.WithdrawableAsync(account);
        Assert.That(withdrawable, Is.EqualTo(paidIn), "every wei escrowed or posted as collateral is withdrawable");
    }

    /// <summary>The gas used by each distinct transaction among <paramref name="hashes"/>.</summary>
    private async Task<IReadOnlyList<BigInteger>> GasPerTransactionAsync(IEnumerable<string> hashes)
    {
        var gas = new List<BigInteger>();
        foreach (var hash in hashes.Distinct(StringComparer.OrdinalIgnoreCase))
            gas.Add((await Market.Node.Rpc.GetTransactionReceiptAsync(hash))!.GasUsed);
        return gas;
    }
}
