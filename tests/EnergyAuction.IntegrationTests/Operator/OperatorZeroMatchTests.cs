using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using static EnergyAuction.IntegrationTests.Operator.OperatorMarket;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>A window the daemon clears to no match is explained in its log, once, in the market's words.</summary>
[NonParallelizable]
public sealed class OperatorZeroMatchTests : OperatorMarketFixture
{
    [Test]
    public async Task A_window_that_clears_to_no_match_says_why()
    {
        var dso = AccountKey.GenerateNew().Address;
        var seller = await Market.ProsumerAsync("M-1");
        var buyer = await Market.ProsumerAsync("M-2");
        await Market.SetBatteryAsync("M-1", 4_000);
        var (windowId, window) = await Market.OpenWindowAsync(dso);
        var log = new DaemonLog();
        var daemon = await StartDaemonAsync(Market.DaemonOptions(await Market.FreshCheckpointAsync()), log);
        try
        {
            var (offer, _) = await seller.Trade.SubmitOfferAsync(windowId, "M-1", 3_000, 100 * Gwei);
            await buyer.Trade.SubmitBidAsync(windowId, "M-2", 4_000, 150 * Gwei);
            await EventuallyAsync(async () => (await Market.Admin.Trade.GetOrderAsync(offer)).Status == OrderStatus.Valid, "the offer to be validated", log: log);
            await Market.PassAsync(window.BiddingDeadline);
            await EventuallyAsync(async () => (await Market.WindowAsync(windowId)).Phase == WindowPhase.EnergyTransfer, "the empty clearing", log: log);
        }
        finally
        {
            await StopDaemonAsync(daemon);
        }
        var reasons = log.Lines.Where(l => l.Contains($"window {windowId}: dpda:")).ToList();
        Assert.That(reasons, Has.Count.EqualTo(1), "one line per zero-match clearing");
        Assert.That(reasons[0], Does.EndWith($"window {windowId}: dpda: 1 offer, 1 bid: trade reduction leaves nothing"));
    }
}
