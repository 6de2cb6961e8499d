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
/// sized to the gas budget too); then closes the window (each closeWindow call returns the deposits of as many orders
/// as the gas budget holds, at most the contract's MAX_ORDERS_PER_RELEASE, so a large window takes several calls).
/// </summary>
public sealed partial class SettlementService(
    OperatorChain chain, ActiveWindows windows, MatchedOrders matchedOrders, BudgetedBatches batches,
    OperatorOptions options, ILogger<SettlementService> logger)
    : MarketLoop(options, logger)
{
    private readonly ConcurrentDictionary<ulong, HashSet<ulong>> _requested = new();
    private readonly BatchSizer _settleSizer = new(options.BatchSize);
    private readonly int _batchSize = options.BatchSize;
    private BatchSizer? _readingsSizer;
    private BatchSizer? _closeSizer;

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
        _readingsSizer ??= await ReadingsBatch.SizerAsync(chain.Market, _batchSize, ct);
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
        var trade = chain.Market.Trade;
        // closeWindow returns the deposits of the window's next maxOrders orders: the positions still to release are
        // the batch items, so the count follows the gas budget like every other batch.
        _closeSizer ??= new BatchSizer(Math.Min(_batchSize, await trade.MaxOrdersPerReleaseAsync(ct)));
        var left = Enumerable.Range(0, checked((int)(info.OrderCount - info.ReleasedOrders))).ToArray();
        if (left.Length == 0) left = [0]; // a window without orders still needs its one closing call
        var closed = false;
        try
        {
            await batches.SendAsync("closeWindow", _closeSizer, left,
                (batch, token) => trade.CloseWindowAsync(id, batch.Length, token),
                (batch, receipt) =>
                {
                    closed = trade.DecodeEvents<WindowClosedEvent>(receipt).Count > 0;
                    var progress = trade.DecodeEvents<WindowClosingEvent>(receipt).Single();
                    LogClosing(id, progress.ReleasedOrders, progress.OrderCount, receipt.GasUsed);
                    return Task.CompletedTask;
                }, ct);
        }
        catch (ContractRevertException e) when (e.ErrorName is "BidsNotSettled" or "WrongPhase")
        {
            // A bid is still waiting for a reading, or someone else's closeWindow got there first: the next round looks again.
            return;
        }
        if (!closed) return;
        LogClosed(id);
        _requested.TryRemove(id, out _);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "window {Window}: meter {Meter} no longer grants the market access; no reading requested for order {Order}, whose missing reading counts against its owner")]
    private partial void LogUnavailable(ulong window, string meter, ulong order);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: requested readings for {Orders} matched orders ({Requested} of {Total}, {Gas} gas)")]
    private partial void LogRequested(ulong window, int orders, int requested, int total, BigInteger gas);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: settled {Bids} bids ({Matches} matches, {Missing} sides with a missing reading counted against their owners; {Gas} gas)")]
    private partial void LogSettled(ulong window, int bids, int matches, int missing, BigInteger gas);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: closing, deposits returned for {Released} of {Orders} orders ({Gas} gas)")]
    private partial void LogClosing(ulong window, ulong released, ulong orders, BigInteger gas);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window} -> Closed: every buyer settled, escrows and collateral returned")]
    private partial void LogClosed(ulong window);
}
