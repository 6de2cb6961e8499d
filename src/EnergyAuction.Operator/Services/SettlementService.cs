using System.Collections.Concurrent;
using EnergyAuction.Chain;
using EnergyAuction.Ethereum.Contracts;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Settlement;
using EnergyAuction.Operator.Windows;

namespace EnergyAuction.Operator.Services;

/// <summary>
/// Settles every window in Settlement: asks the oracle for each matched buyer's delivery reading
/// (in batches), lets the readings settle the bids as they arrive, settles the buyers whose reading
/// never came as unreported once the settlement deadline has passed, then closes the window.
/// </summary>
public sealed partial class SettlementService(
    OperatorChain chain, ActiveWindows windows, MatchedBids matchedBids, OperatorOptions options, ILogger<SettlementService> logger)
    : MarketLoop(options, logger)
{
    private readonly ConcurrentDictionary<ulong, HashSet<ulong>> _requested = new();
    private readonly ConcurrentDictionary<ulong, bool> _closeRefused = new();

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
            await CloseAsync(id, info);
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
                await chain.Market.Trade.RequestDeliveryReadingsAsync(id, batch);
                requested.UnionWith(batch);
                LogRequested(id, batch.Length, requested.Count, bids.Count);
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
        await CloseAsync(id, await chain.Market.Trade.GetWindowAsync(id));
    }

    private async Task CloseAsync(ulong id, WindowInfo info)
    {
        if (info.UnsettledBids > 0) return;
        try
        {
            await chain.Market.Trade.CloseWindowAsync(id);
            LogClosed(id);
            _requested.TryRemove(id, out _);
        }
        catch (ContractRevertException e) when (e.ErrorName == "BidsNotSettled")
        {
            // A reading is still on its way; the next round looks again.
        }
        catch (ContractRevertException e)
        {
            // closeWindow walks every order of the window in one transaction: a window with too many orders exceeds
            // what one transaction may use. Said once; later rounds try again quietly.
            if (_closeRefused.TryAdd(id, true)) LogCloseRefused(id, info.OrderCount, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: requested delivery readings for {Buyers} buyers ({Requested} of {Total})")]
    private partial void LogRequested(ulong window, int buyers, int requested, int total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "window {Window}: {Buyers} buyers had no delivery reading by the settlement deadline; settled as 0 Wh received (bids {Bids})")]
    private partial void LogUnreported(ulong window, int buyers, string bids);

    [LoggerMessage(Level = LogLevel.Error, Message = "window {Window}: every buyer is settled but closeWindow is refused ({Reason}); with {Orders} orders it may exceed the gas one transaction may use, as closeWindow walks every order")]
    private partial void LogCloseRefused(ulong window, ulong orders, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window} -> Closed: every buyer settled, escrows and collateral returned")]
    private partial void LogClosed(ulong window);
}
