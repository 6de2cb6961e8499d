using System.Collections.Concurrent;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Operator.Batches;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Settlement;
using EnergyAuction.Operator.Windows;

namespace EnergyAuction.Operator.Services;

/// <summary>
/// Settles every window in Settlement (MARKET.md "Settlement"): asks the oracle for the reading of every matched order,
/// buyers and sellers, in batches sized to the gas budget; settles each bid as soon as its reading and its sellers' are in; once the settlement
/// deadline has passed settles whatever is left, the missing readings counting against their owners (settle batches
/// sized to the gas budget too); then closes the window (closeWindow returns the deposits of a number of orders per call
/// the contract fixes, so a large window takes several calls, and the daemon can only warn when one exceeds the budget).
/// </summary>
public sealed partial class SettlementService(
    OperatorChain chain, ActiveWindows windows, MatchedOrders matchedOrders, BudgetedBatches batches, GasBudget budget,
    OperatorOptions options, ILogger<SettlementService> logger)
    : MarketLoop(options, logger)
{
    private readonly ConcurrentDictionary<ulong, HashSet<ulong>> _requested = new();
    private readonly BatchSizer _readingsSizer = new(options.BatchSize);
    private readonly BatchSizer _settleSizer = new(options.BatchSize);

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
        var matches = await matchedOrders.MatchesAsync(id, info);
        var bids = MatchedOrders.BidsOf(matches);
        var now = await chain.NowAsync(ct);
        var late = now >= info.SettlementDeadline;
        if (!late)
            await RequestReadingsAsync(id, MatchedOrders.OrdersOf(matches), ct);

        var unsettled = await matchedOrders.UnsettledAsync(bids);
        var settleable = late ? unsettled : await matchedOrders.ReadyAsync(unsettled, matches);
        try
        {
            await batches.SendAsync("settle", _settleSizer, settleable,
                (batch, token) => chain.Market.Trade.SettleAsync(id, batch, token),
                (batch, receipt) =>
                {
                    var settled = chain.Market.Trade.DecodeEvents<MatchSettledEvent>(receipt);
                    var missing = settled.Count(m => m.BuyerMissing) + settled.Count(m => m.SellerMissing);
                    LogSettled(id, batch.Length, settled.Count, missing, receipt.GasUsed);
                    return Task.CompletedTask;
                }, ct);
        }
        catch (ContractRevertException e) when (e.ErrorName is "ReadingsOutstanding" or "AlreadySettled")
        {
            // Someone else settled first, or a reading changed under us: the next round looks again.
            return;
        }
        if (late || settleable.Count == unsettled.Count)
            await CloseAsync(id, await chain.Market.Trade.GetWindowAsync(id), ct);
    }

    private async Task RequestReadingsAsync(ulong id, IReadOnlyList<ulong> orders, CancellationToken ct)
    {
        if (!_requested.TryGetValue(id, out var requested))
            requested = _requested[id] = await matchedOrders.RequestedAsync(id);
        await batches.SendAsync("requestReadings", _readingsSizer, [.. orders.Where(o => !requested.Contains(o))],
            (batch, token) => chain.Market.Trade.RequestReadingsAsync(id, batch, token),
            (batch, receipt) =>
            {
                requested.UnionWith(batch);
                LogRequested(id, batch.Length, requested.Count, orders.Count, receipt.GasUsed);
                foreach (var unavailable in chain.Market.Trade.DecodeEvents<ReadingUnavailableEvent>(receipt))
                    LogUnavailable(id, unavailable.Meter, unavailable.OrderId);
                return Task.CompletedTask;
            }, ct);
    }

    private async Task CloseAsync(ulong id, WindowInfo info, CancellationToken ct)
    {
        if (info.UnsettledBids > 0) return;
        try
        {
            var trade = chain.Market.Trade;
            var limit = await budget.CurrentAsync(ct);
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                var receipt = await batches.SendWithinBlockAsync(() => trade.CloseWindowAsync(id, ct), ct);
                // The contract fixes how many orders one call releases; a budget below that is only reported.
                if (receipt.GasUsed > limit) LogCloseAboveBudget(id, receipt.GasUsed, limit);
                if (trade.DecodeEvents<WindowClosedEvent>(receipt).Count > 0) break;
                var progress = trade.DecodeEvents<WindowClosingEvent>(receipt).Single();
                LogClosing(id, progress.ReleasedOrders, progress.OrderCount, receipt.GasUsed);
            }
            LogClosed(id);
            _requested.TryRemove(id, out _);
        }
        catch (ContractRevertException e) when (e.ErrorName == "BidsNotSettled")
        {
            // A bid is still waiting for a reading; the next round looks again.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "window {Window}: meter {Meter} no longer grants the market access; no reading requested for order {Order}, whose missing reading counts against its owner")]
    private partial void LogUnavailable(ulong window, string meter, ulong order);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: requested readings for {Orders} matched orders ({Requested} of {Total}, {Gas} gas)")]
    private partial void LogRequested(ulong window, int orders, int requested, int total, BigInteger gas);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: settled {Bids} bids ({Matches} matches, {Missing} sides with a missing reading counted against their owners; {Gas} gas)")]
    private partial void LogSettled(ulong window, int bids, int matches, int missing, BigInteger gas);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: closing, deposits returned for {Released} of {Orders} orders ({Gas} gas)")]
    private partial void LogClosing(ulong window, ulong released, ulong orders, BigInteger gas);

    [LoggerMessage(Level = LogLevel.Warning, Message = "window {Window}: a closeWindow call used {Gas} gas, above the gas budget of {Budget}; the contract sets how many orders one call releases")]
    private partial void LogCloseAboveBudget(ulong window, BigInteger gas, BigInteger budget);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window} -> Closed: every buyer settled, escrows and collateral returned")]
    private partial void LogClosed(ulong window);
}
