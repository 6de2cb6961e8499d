using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Operator.Options;
using Microsoft.AspNetCore.Builder;
using static EnergyAuction.IntegrationTests.Operator.OperatorMarket;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// The operator daemon against a real Hardhat node and the real HEMS over HTTP: windows run with no one touching
/// them, survive restarts and outages, and hostile oracle requests are ignored. One node for the fixture; every test
/// has its own window, meters and daemon hosts (started from the daemon's own composition root).
/// </summary>
[NonParallelizable]
public sealed class OperatorDaemonTests : OperatorMarketFixture
{
    [Test, Order(1)]
    public async Task A_window_opens_clears_settles_and_closes_untouched_and_pays_what_the_engine_says()
    {
        var dso = AccountKey.GenerateNew().Address;
        // The daemon opens this window itself; its grid fees go to the market-wide fee recipient the admin names.
        await Market.Admin.Trade.SetFeeRecipientAsync(dso);
        var sellers = new[] { ("M-1", 7_000UL, 100UL), ("M-3", 5_000UL, 120UL), ("M-5", 2_000UL, 190UL) };
        var buyers = new[] { ("M-2", 6_000UL, 200UL, 6_000L), ("M-4", 4_000UL, 180UL, 2_500L), ("M-6", 1_000UL, 110UL, 0L) };
        var prosumers = new Dictionary<string, MarketClient>();
        foreach (var meter in sellers.Select(s => s.Item1).Concat(buyers.Select(b => b.Item1)).Append("M-7"))
            prosumers[meter] = await Market.ProsumerAsync(meter);
        foreach (var (meter, wh, _) in sellers) await Market.SetBatteryAsync(meter, (long)wh);
        await Market.SetBatteryAsync("M-7", 1_000);

        var log = new DaemonLog();
        var options = Market.DaemonOptions(await Market.FreshCheckpointAsync());
        options.WindowEverySeconds = 3_600;
        var before = await Market.Admin.Trade.WindowCountAsync();
        var daemon = await StartDaemonAsync(options, log);
        try
        {
            await EventuallyAsync(async () => await Market.Admin.Trade.WindowCountAsync() > before, "the daemon to open a window", log: log);
            var windowId = before + 1;
            var window = await Market.WindowAsync(windowId);
            Assert.That(window.Phase, Is.EqualTo(WindowPhase.BiddingOffering));
            Assert.That(window.Params, Is.EqualTo(EnergyAuction.Operator.Windows.WindowSchedule.ParamsFor(options.Window, options.Window.MaxDistanceMetres!.Value)));

            // Sellers offer; the daemon's oracle job reads their batteries and validates or rejects the offers.
            var offerIds = new List<ulong>();
            foreach (var (meter, wh, price) in sellers)
                offerIds.Add((await prosumers[meter].Trade.SubmitOfferAsync(windowId, meter, wh, price * Gwei)).OrderId);
            var (tooBig, _) = await prosumers["M-7"].Trade.SubmitOfferAsync(windowId, "M-7", 3_000, 100 * Gwei);
            var bidIds = new Dictionary<string, ulong>();
            foreach (var (meter, wh, price, delivered) in buyers)
            {
                bidIds[meter] = (await prosumers[meter].Trade.SubmitBidAsync(windowId, meter, wh, price * Gwei)).OrderId;
                await Market.SetDeliveryAsync(meter, window, delivered);
            }
            await EventuallyAsync(async () =>
            {
                foreach (var id in offerIds)
                    if ((await Market.Admin.Trade.GetOrderAsync(id)).Status != OrderStatus.Valid) return false;
                return (await Market.Admin.Trade.GetOrderAsync(tooBig)).Status == OrderStatus.Rejected;
            }, "the oracle job to validate three offers and reject the one above its battery", log: log);

            // Only chain time is moved; the daemon does everything else.
            await Market.Node.IncreaseTimeAsync((long)(window.BiddingDeadline - await Market.Node.LatestTimestampAsync()) + 1);
            await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.EnergyTransfer,
                "the daemon to clear the window", log: log);
            var engine = await EngineExpectation.ForAsync(Market, windowId);
            var onChain = await Market.Admin.Trade.GetWindowMatchesAsync(windowId, 0, 100);
            Assert.That(onChain, Is.EqualTo(engine.ChainMatches), "posted matches = the engine's clearing and pairing");
            Assert.That((await Market.WindowAsync(windowId)).Price, Is.EqualTo(engine.Clearing.Price));
            Assert.That(engine.Matches, Is.Not.Empty);

            await Market.Node.IncreaseTimeAsync((long)(window.TransferDeadline - await Market.Node.LatestTimestampAsync()) + 1);
            await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.Closed,
                "the daemon to settle and close the window", log: log);

            var phases = (await Market.Admin.Trade.GetEventsAsync<PhaseChangedEvent>(Market.Deployment.Block, null, windowId)).Select(e => e.Event.Phase);
            Assert.That(phases, Is.EqualTo(new[] { WindowPhase.BiddingOffering, WindowPhase.Matching, WindowPhase.EnergyTransfer, WindowPhase.Settlement, WindowPhase.Closed }));

            // The contract's settlement of the readings the oracle reported, both sides, is the engine's to the wei.
            var reported = (await Market.Admin.Trade.GetEventsAsync<ReadingReportedEvent>(Market.Deployment.Block, null, windowId))
                .ToDictionary(e => e.Event.OrderId, e => (long)e.Event.MeterWh);
            Assert.That(buyers.Where(b => engine.Matches.Any(m => m.BidId == bidIds[b.Item1].ToString())).All(b => reported[bidIds[b.Item1]] == b.Item4),
                "each matched buyer's import as its HEMS meter reads it");
            var expected = engine.SettleBothSides(reported);
            var settled = (await Market.Admin.Trade.GetEventsAsync<MatchSettledEvent>(Market.Deployment.Block, null, windowId)).Select(e => e.Event).ToList();
            Assert.That(settled.Select(s => (s.OfferId, s.BidId, s.BuyerWh, s.SellerWh, s.TradedWh, s.FeeHalf, s.SellerPenalty, s.BuyerPenalty)),
                Is.EquivalentTo(expected.Matches.Select(m => (ulong.Parse(m.OfferId), ulong.Parse(m.BidId), (BigInteger)m.BuyerWh, (BigInteger)m.SellerWh,
                    (BigInteger)m.TradedWh, m.FeeHalf, m.SellerPenalty, m.BuyerPenalty))),
                "MatchSettled = BothSideSettlement, match by match");
            Assert.Multiple(async () =>
            {
                foreach (var (meter, offerId) in sellers.Select((s, i) => (s.Item1, offerIds[i])))
                    Assert.That(await Market.Admin.Trade.WithdrawableAsync(prosumers[meter].Account!),
                        Is.EqualTo(expected.Account(offerId.ToString()).Refund), $"seller {meter}");
                foreach (var (meter, _, _, _) in buyers)
                    Assert.That(await Market.Admin.Trade.WithdrawableAsync(prosumers[meter].Account!),
                        Is.EqualTo(expected.Account(bidIds[meter].ToString()).Refund), $"buyer {meter}");
                Assert.That(await Market.Admin.Trade.WithdrawableAsync(dso), Is.EqualTo(expected.Dso), "grid fees to the DSO");
                Assert.That(await Market.Admin.Trade.WithdrawableAsync(prosumers["M-7"].Account!),
                    Is.EqualTo((await Market.Admin.Trade.GetOrderAsync(tooBig)).Deposit), "the rejected seller gets its collateral back");
            });
            using var http = new HttpClient { BaseAddress = EnergyAuction.Operator.OperatorApp.StatusAddress(daemon) };
            await EventuallyAsync(async () =>
            {
                var status = await http.GetFromJsonAsync<JsonElement>("/status");
                return status.GetProperty("windows").EnumerateArray().Any(w => w.GetProperty("window").GetUInt64() == windowId && w.GetProperty("phase").GetString() == "Closed")
                    && status.GetProperty("lastProcessedBlock").GetInt64() > 0;
            }, "/status to show the window closed and the oracle job's last block", log: log);
            Assert.That(log.Contains($"window {windowId} -> Matching"), Is.True);
            Assert.That(log.Lines.Any(l => l.Contains($"window {windowId}: posted ") && l.Contains(" gwei/kWh")), Is.True);
            // The buyer M-2's reading came in the window's one batched request, with the other matched meters.
            Assert.That(log.Lines.Any(l => l.Contains("fulfilled reading for meters ") && l.Contains("M-2,") && l.Contains("4 of 4 read")), Is.True);
        }
        finally
        {
            await StopDaemonAsync(daemon);
        }
    }
}
