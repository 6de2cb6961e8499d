using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Devnet;
using EnergyAuction.Data;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>The operator's side of a window, played through the Chain library and the clearing library the operator
/// daemon posts from (read as in Matching, as the daemon reads it), so `market verify` is checked against what the daemon would post.</summary>
public static class OperatorActions
{
    private static readonly Lazy<FeederDistances> Feeder = new(() => ClearingFeeder.Load(SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir)).Distances);

    private static MarketClient Market => LiveMarket.Operator;

    /// <summary>Moves chain time past the bidding deadline and starts Matching.</summary>
    public static async Task CloseBiddingAsync(ulong windowId)
    {
        var window = await Market.Trade.GetWindowAsync(windowId);
        await PassAsync(window.BiddingDeadline);
        await Market.Trade.AdvancePhaseAsync(windowId);
    }

    /// <summary>What the daemon's clearing service would post for the window (it must be in Matching).</summary>
    public static async Task<ClearingPlan> HonestPlanAsync(ulong windowId)
    {
        var window = await Market.Trade.GetWindowAsync(windowId);
        var orders = await WindowOrderBook.ReadInMatchingAsync(Market, windowId);
        var limits = await Market.Trade.GetLimitsAsync();
        return WindowClearing.Compute(window.Params, orders, Feeder.Value, limits.MaxMatchesPerBid);
    }

    /// <summary>Posts a clearing and finalises it with the hash of exactly what was posted.</summary>
    public static async Task PostAsync(ulong windowId, BigInteger price, IReadOnlyList<ChainMatch> matches)
    {
        if (matches.Count > 0)
            await Market.Trade.PostClearingAsync(windowId, price, matches);
        await Market.Trade.FinaliseClearingAsync(windowId);
    }

    /// <summary>After the transfer: asks for every matched order's reading, answers as the oracle node (each seller
    /// exported all it sold; each buyer took the Wh given in <paramref name="receivedWh"/>), settles the bids and closes
    /// the window.</summary>
    public static async Task SettleAndCloseAsync(ulong windowId, IReadOnlyDictionary<ulong, ulong> receivedWh)
    {
        var window = await Market.Trade.GetWindowAsync(windowId);
        await PassAsync(window.TransferDeadline);
        await Market.Trade.AdvancePhaseAsync(windowId);
        var matches = await Market.Trade.GetWindowMatchesAsync(windowId, 0, window.MatchCount);
        var readings = new Dictionary<ulong, System.Numerics.BigInteger>();
        foreach (var m in matches)
            readings[m.OfferId] = readings.GetValueOrDefault(m.OfferId) + m.EnergyWh;
        foreach (var (bid, wh) in receivedWh)
            readings[bid] = wh;
        await OracleNodeReadings.AskAndAnswerAsync(Market, windowId, [.. readings.Keys], readings);
        await Market.Trade.SettleAsync(windowId, [.. receivedWh.Keys]);
        await Market.Trade.CloseWindowAsync(windowId, await Market.Trade.MaxOrdersPerReleaseAsync());
    }

    private static async Task PassAsync(ulong deadline)
    {
        var now = await LiveMarket.Node.LatestTimestampAsync();
        if (now <= deadline)
            await LiveMarket.Node.IncreaseTimeAsync((long)(deadline - now) + 1);
    }
}
