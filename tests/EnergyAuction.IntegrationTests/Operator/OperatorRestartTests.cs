using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Crypto;
using static EnergyAuction.IntegrationTests.Operator.OperatorMarket;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// The daemon is stopped at the awkward moments - down at the bidding deadline with oracle requests waiting,
/// between two batches of a clearing, between two delivery requests, and after sending fulfilments whose record
/// was lost - and started again: the window completes, every oracle request is answered exactly once, no clearing
/// batch is posted twice and every wei paid in is withdrawable again.
/// </summary>
[NonParallelizable]
public sealed class OperatorRestartTests : OperatorMarketFixture
{
    [Test]
    public async Task A_window_completes_across_restarts_with_nothing_done_twice_and_nothing_lost()
    {
        var dso = AccountKey.GenerateNew().Address;
        var sellers = new[] { ("M-11", 4_000UL, 100UL), ("M-13", 3_000UL, 105UL), ("M-15", 2_000UL, 110UL), ("M-17", 3_000UL, 200UL) };
        var buyers = new[] { ("M-12", 2_500UL, 190UL, 2_500L), ("M-14", 2_500UL, 185UL, 1_000L), ("M-16", 2_500UL, 180UL, 2_500L), ("M-18", 1_000UL, 100UL, 0L) };
        var prosumers = new Dictionary<string, MarketClient>();
        foreach (var meter in sellers.Select(s => s.Item1).Concat(buyers.Select(b => b.Item1)))
            prosumers[meter] = await Market.ProsumerAsync(meter);
        foreach (var (meter, wh, _) in sellers) await Market.SetBatteryAsync(meter, (long)wh);
        var firstBlock = await Market.Node.Rpc.BlockNumberAsync();
        var checkpoint = await Market.FreshCheckpointAsync();
        var (windowId, window) = await Market.OpenWindowAsync(dso);
        foreach (var (meter, _, _, delivered) in buyers) await Market.SetDeliveryAsync(meter, window, delivered);
        var log = new DaemonLog();
        var options = Market.DaemonOptions(checkpoint);
        options.BatchSize = 1;

        // The daemon is down while the sellers offer: their oracle requests wait on chain.
        var offerIds = new List<ulong>();
        foreach (var (meter, wh, price) in sellers)
            offerIds.Add((await prosumers[meter].Trade.SubmitOfferAsync(windowId, meter, wh, price * Gwei)).OrderId);
        var daemon = await StartDaemonAsync(options, log);
        await EventuallyAsync(async () => (await Task.WhenAll(offerIds.Select(id => Market.Admin.Trade.GetOrderAsync(id)))).All(o => o.Status == OrderStatus.Valid),
            "the restarted oracle job to validate the offers made while it was down", log: log);
        foreach (var (meter, wh, price, _) in buyers)
            await prosumers[meter].Trade.SubmitBidAsync(windowId, meter, wh, price * Gwei);

        // Down at the bidding deadline; back up, then stopped between two clearing batches.
        await StopDaemonAsync(daemon);
        await Market.PassAsync(window.BiddingDeadline);
        var firstBatch = log.FreezeOn($"window {windowId}: posted 1 matches");
        daemon = await StartDaemonAsync(options, log);
        await firstBatch.WaitAsync(TimeSpan.FromSeconds(60));
        await log.StopFrozenAsync(daemon);
        var partial = await Market.WindowAsync(windowId);
        Assert.That(partial.Phase, Is.EqualTo(WindowPhase.Matching));
        Assert.That(partial.MatchCount, Is.GreaterThan(0UL), "stopped after a batch was posted");

        var engine = await EngineExpectation.ForAsync(Market, windowId);
        Assert.That(partial.MatchCount, Is.LessThan((ulong)engine.Matches.Count), "stopped before the last batch");
        daemon = await StartDaemonAsync(options, log);
        await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.EnergyTransfer, "the clearing to be resumed and finalised", log: log);
        Assert.That(await Market.Admin.Trade.GetWindowMatchesAsync(windowId, 0, 100), Is.EqualTo(engine.ChainMatches));
        var posted = (await Market.Admin.Trade.GetEventsAsync<ClearingPostedEvent>(Market.Deployment.Block, null, windowId)).Select(e => e.Event).ToList();
        Assert.That(posted.Select(p => p.TotalMatches), Is.EqualTo(Enumerable.Range(1, engine.Matches.Count).Select(i => (ulong)i)),
            "one batch per match (batch size 1), each posted once");

        // Stopped after the first of the readings' requests (one order per transaction with batch size 1).
        var firstRequest = log.FreezeOn($"window {windowId}: requested readings for 1 matched orders (1 of");
        await Market.PassAsync(window.TransferDeadline);
        await firstRequest.WaitAsync(TimeSpan.FromSeconds(60));
        await log.StopFrozenAsync(daemon);
        Assert.That(await ReadingRequestsAsync(windowId), Has.Count.EqualTo(1));
        Assert.That((await Market.WindowAsync(windowId)).Phase, Is.EqualTo(WindowPhase.Settlement));
        daemon = await StartDaemonAsync(options, log);
        await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.Closed, "the window to settle and close", log: log);
        await StopDaemonAsync(daemon);

        // A crash after sending fulfilments but before recording them: the chain says they are answered.
        await Market.WriteCheckpointAsync(checkpoint, firstBlock);
        var fulfilledBefore = log.Lines.Count(l => l.Contains("fulfilled reading for meter"));
        var rescan = new DaemonLog();
        daemon = await StartDaemonAsync(options, rescan);
        var latest = await Market.Node.Rpc.BlockNumberAsync();
        await EventuallyAsync(() => Task.FromResult(rescan.Lines.Count > 0 && new EnergyAuction.Operator.Oracle.OracleCheckpointStore(checkpoint).LastProcessedBlock >= (long)latest),
            "the oracle job to rescan from the rewound checkpoint", log: rescan);
        await StopDaemonAsync(daemon);
        Assert.That(rescan.Lines.Where(l => l.Contains("fulfilled reading for meter")), Is.Empty, "nothing fulfilled again after the rescan");

        var ordersMatched = engine.Matches.SelectMany(m => new[] { ulong.Parse(m.OfferId), ulong.Parse(m.BidId) }).Distinct().Order();
        Assert.That((await ReadingRequestsAsync(windowId)).Order(), Is.EqualTo(ordersMatched), "each matched order's reading requested once");
        var responses = await Market.ResponsesPerRequestAsync(firstBlock);
        Assert.That(responses, Has.Count.EqualTo(sellers.Length + ordersMatched.Count()));
        Assert.That(responses.Values, Is.All.EqualTo(1), "every oracle request answered exactly once");
        Assert.That(fulfilledBefore, Is.EqualTo(responses.Count));

        var paidIn = (await Market.Admin.Trade.GetEventsAsync<OfferSubmittedEvent>(Market.Deployment.Block, null, windowId)).Aggregate(BigInteger.Zero, (s, e) => s + e.Event.Deposit)
            + (await Market.Admin.Trade.GetEventsAsync<BidSubmittedEvent>(Market.Deployment.Block, null, windowId)).Aggregate(BigInteger.Zero, (s, e) => s + e.Event.Deposit);
        var withdrawable = BigInteger.Zero;
        foreach (var account in prosumers.Values.Select(p => p.Account!).Append(dso))
            withdrawable += await Market.Admin.Trade.WithdrawableAsync(account);
        Assert.That(withdrawable, Is.EqualTo(paidIn), "every wei escrowed or posted as collateral is withdrawable");
    }

    private async Task<IReadOnlyList<ulong>> ReadingRequestsAsync(ulong windowId) =>
        [.. (await Market.Admin.Trade.GetEventsAsync<SettlementReadingRequestedEvent>(Market.Deployment.Block, null, windowId)).Select(e => e.Event.OrderId)];
}
