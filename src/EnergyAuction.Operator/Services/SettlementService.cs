using System.Collections.Concurrent;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Settlement;
using EnergyAuction.Operator.Windows;

namespace EnergyAuction.Operator.Services;

/// <summary>
/// Settles every window in Settlement: asks the oracle for each matched buyer's delivery reading
/// (in batches), lets the readings settle the bids as they arrive, settles the buyers whose reading
/// never came as unreported once the settlement deadline has passed, then closes the window (closeWindow returns
/// the deposits of a bounded number of orders per call, so a large window takes several calls).
/// </summary>
public sealed partial class SettlementService(
    OperatorChain chain, ActiveWindows windows, MatchedBids matchedBids, OperatorOptions options, ILogger<SettlementService> logger)
    : MarketLoop(options, logger)
{
    private readonly ConcurrentDictionary<ulong, HashSet<ulong>> _requested = new();

    /// <inheritdoc />
    protected override string Name => "Settlement";

    /// <inheritdoc />
    protected override async Task RoundAsync(CancellationToken ct)
    {
        foreach (var (id, info) in await windows.ReadAsync())
            if (info.Phase == WindowPhase.Settlement)
                await SettleAsync(id, info, ct);
    }

    private async Task SettleAsync(ulong id, WindowInfo info, CancellationToken ct)
    {
        if (info.UnsettledBids == 0)
        {
            await CloseAsync(id, info, ct);
            return;
        }
        var bids = await matchedBids.OfAsync(id, info);
        if (!_requested.TryGetValue(id, out var requested))
            requested = _requested[id] = await matchedBids.RequestedAsync(id);
        var now = await chain.NowAsync(ct);
        if (now < info.SettlementDeadline)
        {
            foreach (var batch in bids.Where(b => !requested.Contains(b)).Chunk(Options.BatchSize))
            {
                ct.ThrowIfCancellationRequested();
                var receipt = await chain.Market.Trade.RequestDeliveryReadingsAsync(id, batch);
                requested.UnionWith(batch);
                LogRequested(id, batch.Length, requested.Count, bids.Count);
                foreach (var unreadable in chain.Market.Trade.DecodeEvents<DeliveryUnreadableEvent>(receipt))
                    LogUnreadable(id, unreadable.Meter, unreadable.BidId);
            }
            return;
        }

        var unsettled = await matchedBids.UnsettledAsync(bids);
        try
        {
            foreach (var batch in unsettled.Chunk(Options.BatchSize))
            {
                await chain.Market.Trade.SettleUnreportedAsync(id, batch);
                LogUnreported(id, batch.Length, string.Join(", ", batch));
            }
        }
        catch (ContractRevertException e) when (e.ErrorName == "DeadlineNotReached")
        {
            return;
        }
        await CloseAsync(id, await chain.Market.Trade.GetWindowAsync(id), ct);
    }

    private async Task CloseAsync(ulong id, WindowInfo info, CancellationToken ct)
    {
        if (info.UnsettledBids > 0) return;
        try
        {
            var trade = chain.Market.Trade;
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var receipt = await trade.CloseWindowAsync(id);
                if (trade.DecodeEvents<WindowClosedEvent>(receipt).Count > 0) break;
                var progress = trade.DecodeEvents<WindowClosingEvent>(receipt).Single();
                LogClosing(id, progress.ReleasedOrders, progress.OrderCount);
            }
            LogClosed(id);
            _requested.TryRemove(id, out _);
        }
        catch (ContractRevertException e) when (e.ErrorName == "BidsNotSettled")
        {
            // A reading is still on its way; the next round looks again.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "window {Window}: meter {Meter} no longer grants the market access; no reading requested for bid {Bid}, which is settled as fully delivered after the settlement deadline")]
    private partial void LogUnreadable(ulong window, string meter, ulong bid);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: requested delivery readings for {Buyers} buyers ({Requested} of {Total})")]
    private partial void LogRequested(ulong window, int buyers, int requested, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "window {Window}: {Buyers} buyers had no delivery reading by the settlement deadline; settled as fully delivered, since a missing reading counts against its buyer (bids {Bids})")]
    private partial void LogUnreported(ulong window, int buyers, string bids);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: closing, deposits returned for {Released} of {Orders} orders")]
    private partial void LogClosing(ulong window, ulong released, ulong orders);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window} -> Closed: every buyer settled, escrows and collateral returned")]
    private partial void LogClosed(ulong window);
}
