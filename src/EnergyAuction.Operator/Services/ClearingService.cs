using System.Collections.Concurrent;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator.Batches;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Clearing;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Windows;

namespace EnergyAuction.Operator.Services;

/// <summary>
/// Clears every window in Matching: computes the clearing (market engine + score pairing), posts
/// what the chain does not hold yet in batches sized to the gas budget, then finalises with the result hash.
/// A restarted daemon reads how many matches are on chain, checks they are the start of the same
/// clearing, and continues after them, so no batch is ever posted twice.
/// </summary>
public sealed partial class ClearingService(
    OperatorChain chain, ActiveWindows windows, FeederDistances feeder, BudgetedBatches batches,
    OperatorOptions options, ILogger<ClearingService> logger)
    : MarketLoop(options, logger)
{
    private readonly ConcurrentDictionary<ulong, ClearingPlan> _plans = new();
    private readonly BatchSizer _sizer = new(options.BatchSize);
    private readonly HashSet<ulong> _reported = [];
    private uint? _maxMatchesPerBid;

    /// <inheritdoc />
    protected override string Name => "Clearing";

    /// <inheritdoc />
    protected override async Task RoundAsync(CancellationToken ct)
    {
        foreach (var (id, info) in await windows.ReadAsync())
            if (info.Phase == WindowPhase.Matching)
                await ClearAsync(id, info, ct);
    }

    private async Task ClearAsync(ulong id, WindowInfo info, CancellationToken ct)
    {
        if (await chain.NowAsync(ct) > info.MatchingDeadline + info.Params.GracePeriod)
        {
            if (_reported.Add(id)) LogTooLate(id);
            return;
        }
        if (!_plans.TryGetValue(id, out var plan))
        {
            _maxMatchesPerBid ??= (await chain.Market.Trade.GetLimitsAsync()).MaxMatchesPerBid;
            var orders = await WindowOrderBook.ReadInMatchingAsync(chain.Market, id);
            plan = WindowClearing.Compute(info.Params, orders, feeder, _maxMatchesPerBid.Value);
            _plans[id] = plan;
            if (plan.Problem is not null) LogNoTrade(id, plan.Problem);
            else if (plan.Matches.Count == 0) LogNoMatch(id, ZeroMatchReason.Explain(info.Params, orders, feeder, _maxMatchesPerBid.Value));
            LogCleared(id, orders.Count, plan.Matches.Count, GweiText.PerKwh(plan.Price));
        }

        var posted = (int)info.MatchCount;
        if (!await IsStartOfAsync(id, info, plan, posted))
        {
            if (_reported.Add(id)) LogForeignClearing(id, posted);
            return;
        }
        if (posted > 0 && posted < plan.Matches.Count) LogResuming(id, posted, plan.Matches.Count);

        await batches.SendAsync("postClearing", _sizer, [.. plan.Matches.Skip(posted)],
            (batch, token) => chain.Market.Trade.PostClearingAsync(id, plan.Price, batch, token),
            (batch, receipt) =>
            {
                posted += batch.Length;
                LogPosted(id, batch.Length, GweiText.PerKwh(plan.Price), posted, plan.Matches.Count, receipt.GasUsed);
                return Task.CompletedTask;
            }, ct);

        try
        {
            // The contract computes the hash itself; the plan's is what it must come to, for the log.
            var hash = plan.ResultHash(id);
            await chain.Market.Trade.FinaliseClearingAsync(id);
            LogFinalised(id, plan.Matches.Count, GweiText.PerKwh(plan.Price), HexConvert.ToHex(hash));
            _plans.TryRemove(id, out _);
        }
        catch (ContractRevertException e) when (e.ErrorName == "WrongPhase")
        {
            // Finalised already (by this daemon before a restart).
            _plans.TryRemove(id, out _);
        }
    }

    /// <summary>True when the matches already on chain are the first <paramref name="posted"/> of the plan, at its price.</summary>
    private async Task<bool> IsStartOfAsync(ulong id, WindowInfo info, ClearingPlan plan, int posted)
    {
        if (posted == 0) return true;
        if (posted > plan.Matches.Count || info.Price != plan.Price) return false;
        var onChain = await chain.Market.Trade.GetWindowMatchesAsync(id, 0, (ulong)posted);
        return onChain.SequenceEqual(plan.Matches.Take(posted));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: cleared {Orders} valid orders into {Matches} matches at {Price}")]
    private partial void LogCleared(ulong window, int orders, int matches, string price);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: {Reason}")]
    private partial void LogNoMatch(ulong window, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: posted {Matches} matches at {Price} ({Posted} of {Total}, {Gas} gas)")]
    private partial void LogPosted(ulong window, int matches, string price, int posted, int total, System.Numerics.BigInteger gas);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window}: {Posted} of {Total} matches already on chain, posting the rest")]
    private partial void LogResuming(ulong window, int posted, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window} -> EnergyTransfer: clearing finalised, {Matches} matches at {Price}, result hash {Hash}")]
    private partial void LogFinalised(ulong window, int matches, string price, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "window {Window}: the contract would refuse the clearing ({Problem}); finalising it without trade so that every order is refunded")]
    private partial void LogNoTrade(ulong window, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "window {Window}: the {Posted} matches on chain are not the start of this daemon's clearing; not posting (the window can be cancelled after its grace period)")]
    private partial void LogForeignClearing(ulong window, int posted);

    [LoggerMessage(Level = LogLevel.Error, Message = "window {Window}: matching deadline and grace period have passed; the clearing can no longer be posted (anyone may cancel the window)")]
    private partial void LogTooLate(ulong window);
}
