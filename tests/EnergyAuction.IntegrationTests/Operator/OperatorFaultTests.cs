using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Services;
using EnergyAuction.Chain.Deployment;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Devnet;
using static EnergyAuction.IntegrationTests.Operator.OperatorMarket;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// The daemon when things go wrong: the node unreachable for 20 s mid-window, a HEMS that answers 500s, garbage or
/// nothing, and oracle requests it must not serve.
/// </summary>
[NonParallelizable]
public sealed class OperatorFaultTests : OperatorMarketFixture
{
    [Test, Order(1)]
    public async Task A_window_survives_a_20_second_rpc_outage_and_a_failing_hems()
    {
        var dso = AccountKey.GenerateNew().Address;
        var behaviour = new Dictionary<string, string> { ["M-21"] = "500", ["M-23"] = "garbage", ["M-25"] = "hang", ["M-24"] = "500" };
        var (hems, hemsUrl) = await FlakyHems.StartAsync(behaviour, new Dictionary<string, long> { ["M-22"] = 3_000 });
        await using var proxy = TcpOutageProxy.Start(Market.Node.Port);
        var client = Market.Admin.OracleClient;
        await client.ConfigureAsync(Market.Deployment.Operator, Market.Deployment.JobId, Market.Deployment.OracleFee, hemsUrl.ToString().TrimEnd('/'));
        try
        {
            var sellers = new[] { ("M-21", 2_000UL, 100UL), ("M-23", 2_000UL, 100UL), ("M-25", 2_000UL, 100UL), ("M-27", 4_000UL, 100UL), ("M-29", 4_000UL, 120UL), ("M-19", 3_000UL, 250UL) };
            var buyers = new[] { ("M-22", 3_000UL, 200UL), ("M-24", 3_000UL, 190UL), ("M-20", 1_000UL, 105UL) };
            var prosumers = new Dictionary<string, MarketClient>();
            foreach (var meter in sellers.Select(s => s.Item1).Concat(buyers.Select(b => b.Item1)))
                prosumers[meter] = await Market.ProsumerAsync(meter);
            var log = new DaemonLog();
            var options = Market.DaemonOptions(await Market.FreshCheckpointAsync());
            options.RpcUrl = proxy.Url;
            options.HemsAllowList = "127.0.0.1";
            var (windowId, window) = await Market.OpenWindowAsync(dso);
            var daemon = await StartDaemonAsync(options, log);
            try
            {
                var offers = new Dictionary<string, ulong>();
                foreach (var (meter, wh, price) in sellers)
                    offers[meter] = (await prosumers[meter].Trade.SubmitOfferAsync(windowId, meter, wh, price * Gwei)).OrderId;
                var bids = new Dictionary<string, ulong>();
                foreach (var (meter, wh, price) in buyers)
                    bids[meter] = (await prosumers[meter].Trade.SubmitBidAsync(windowId, meter, wh, price * Gwei)).OrderId;

                // HEMS trouble: retried, then a logged rejection; the offer stays unvalidated (and is refunded at close).
                var good = new[] { "M-27", "M-29", "M-19" };
                await EventuallyAsync(async () => new[] { "M-21", "M-23", "M-25" }.All(m => log.Contains($"rejected reading for meter {m}"))
                        && (await Task.WhenAll(good.Select(m => Market.Admin.Trade.GetOrderAsync(offers[m])))).All(o => o.Status == OrderStatus.Valid),
                    "the oracle job to validate the good offers and give up on the failing HEMS meters", log: log);
                Assert.That(log.Lines.Count(l => l.Contains("HEMS trouble")), Is.GreaterThanOrEqualTo(4), "500s and timeouts are retried");
                foreach (var meter in new[] { "M-21", "M-23", "M-25" })
                    Assert.That((await Market.Admin.Trade.GetOrderAsync(offers[meter])).Status, Is.EqualTo(OrderStatus.PendingValidation), meter);

                // The node disappears for 20 s just as bidding closes.
                proxy.Cut();
                await Market.PassAsync(window.BiddingDeadline);
                await Task.Delay(TimeSpan.FromSeconds(20));
                Assert.That(log.Contains("round failed"), Is.True, "the outage is logged");
                Assert.That((await Market.WindowAsync(windowId)).Phase, Is.EqualTo(WindowPhase.BiddingOffering));
                proxy.Restore();
                await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.EnergyTransfer,
                    "the daemon to clear the window after the outage", log: log);
                Assert.That(log.Contains("working again"), Is.True);

                // One buyer's reading never comes: after the settlement deadline its bid is settled anyway, the missing
                // reading counted against the buyer (each match at b = s or b = 0, whichever costs it more).
                await Market.PassAsync(window.TransferDeadline);
                // Both come in one batched request: the HEMS answers M-24 as not read and M-22 with its reading.
                await EventuallyAsync(() => Task.FromResult(log.Contains("rejected reading for meter M-24: the HEMS could not read it")
                        && log.Lines.Any(l => l.Contains("fulfilled reading for meters ") && l.Contains("M-22"))),
                    "one buyer's reading fulfilled and one given up", log: log);
                Assert.That((await Market.WindowAsync(windowId)).Phase, Is.EqualTo(WindowPhase.Settlement), "the window waits for the settlement deadline");
                await Market.PassAsync(window.SettlementDeadline);
                await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.Closed, "the window to close", log: log);

                var settled = (await Market.Admin.Trade.GetEventsAsync<MatchSettledEvent>(Market.Deployment.Block, null, windowId)).Select(e => e.Event).ToList();
                var silent = settled.Where(s => s.BidId == bids["M-24"]).ToList();
                Assert.That(silent, Is.Not.Empty);
                Assert.That(silent.All(s => s.BuyerMissing && (s.BuyerWh == s.SellerWh || s.BuyerWh.IsZero)), Is.True,
                    "the silent buyer is settled at b = s or b = 0 on each match, whichever costs it more");
                Assert.That(settled.Where(s => s.BidId == bids["M-22"]).Sum(s => (long)s.BuyerWh), Is.EqualTo(3_000));
                Assert.That(log.Lines.Any(l => l.Contains($"window {windowId}: settled ") && !l.Contains(" 0 sides with a missing reading")), Is.True);
                foreach (var meter in new[] { "M-21", "M-23", "M-25" })
                    Assert.That(await Market.Admin.Trade.WithdrawableAsync(prosumers[meter].Account!),
                        Is.EqualTo((await Market.Admin.Trade.GetOrderAsync(offers[meter])).Deposit), $"{meter}'s unvalidated offer is refunded");
            }
            finally
            {
                await StopDaemonAsync(daemon);
            }
        }
        finally
        {
            await client.ConfigureAsync(Market.Deployment.Operator, Market.Deployment.JobId, Market.Deployment.OracleFee, Market.HemsUrl.ToString().TrimEnd('/'));
            await hems.StopAsync();
            await hems.DisposeAsync();
        }
    }

    [Test, Order(2)]
    public async Task Requests_from_another_contract_or_for_a_url_off_the_allow_list_are_ignored_and_logged()
    {
        var admin = Market.Admin;
        var from = await Market.Node.Rpc.BlockNumberAsync();
        var checkpoint = await Market.FreshCheckpointAsync();

        // Another Chainlink client on the same Operator, asking for a real HEMS reading with its own LINK.
        var rogue = await ContractDeployer.EnergyOracleClientAsync(admin.Transactions!, Market.Deployment.LinkToken, Market.Deployment.Operator,
            Market.Deployment.JobId, Market.Deployment.OracleFee, Market.HemsUrl.ToString().TrimEnd('/'), admin.Account!, Market.Deployment.DataAccess);
        await admin.Link.MintAsync(rogue.Address, BigInteger.Pow(10, 19));
        var victim = await Market.ProsumerAsync("M-31");
        await victim.DataAccess.GrantAccessAsync("M-31", admin.Account!);
        var rogueClient = new EnergyOracleClientService(Market.Node.Rpc, rogue.Address, admin.Transactions);
        await rogueClient.RequestAvailableEnergyAsync(1, "M-31");

        // This market's own client, pointed at a host the daemon does not trust.
        var seller = await Market.ProsumerAsync("M-33");
        await admin.OracleClient.ConfigureAsync(Market.Deployment.Operator, Market.Deployment.JobId, Market.Deployment.OracleFee, "http://203.0.113.7:8080");
        ulong offerId;
        try
        {
            var (windowId, _) = await Market.OpenWindowAsync(AccountKey.GenerateNew().Address);
            (offerId, _) = await seller.Trade.SubmitOfferAsync(windowId, "M-33", 1_000, 100 * Gwei);
        }
        finally
        {
            await admin.OracleClient.ConfigureAsync(Market.Deployment.Operator, Market.Deployment.JobId, Market.Deployment.OracleFee, Market.HemsUrl.ToString().TrimEnd('/'));
        }

        var log = new DaemonLog();
        var daemon = await StartDaemonAsync(Market.DaemonOptions(checkpoint), log);
        try
        {
            await EventuallyAsync(() => Task.FromResult(log.Lines.Count(l => l.Contains("ignored oracle request")) >= 2), "both requests to be refused", log: log);
        }
        finally
        {
            await StopDaemonAsync(daemon);
        }
        Assert.That(log.Lines.Any(l => l.Contains("ignored oracle request") && l.Contains(rogue.Address, StringComparison.OrdinalIgnoreCase)
            && l.Contains("is not this market's oracle client")), Is.True, "the other contract's request");
        Assert.That(log.Lines.Any(l => l.Contains("ignored oracle request") && l.Contains("203.0.113.7:8080 is not on the HEMS allow-list")), Is.True,
            "the request for a host off the allow-list");
        var responses = await Market.ResponsesPerRequestAsync(from + 1);
        Assert.That(responses, Has.Count.EqualTo(2));
        Assert.That(responses.Values, Is.All.Zero, "neither request is fulfilled");
        Assert.That((await admin.Trade.GetOrderAsync(offerId)).Status, Is.EqualTo(OrderStatus.PendingValidation));
    }
}
