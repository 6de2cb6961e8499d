using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Status;
using ChainPhase = EnergyAuction.Chain.WindowPhase;

namespace EnergyAuction.Operator.Windows;

/// <summary>
/// The windows that are not over yet, read from the chain (so every hosted service resumes from chain state) once per
/// block: the services polling while the chain stays at one block share one snapshot instead of each reading every
/// window, and any transaction (which mines a block) makes the next read fresh. Windows before the first unfinished
/// one are skipped on later reads.
/// </summary>
public sealed class ActiveWindows(OperatorChain chain, MarketStatus status)
{
    private readonly Lock _lock = new();
    private long _firstUnfinished = 1;
    private (ulong Block, Task<IReadOnlyList<(ulong Id, WindowInfo Info)>> Windows)? _snapshot;

    /// <summary>
    /// Every window from the first unfinished one up to the newest, with its state, as of the latest block or later;
    /// reports each phase to /status.
    /// </summary>
    public async Task<IReadOnlyList<(ulong Id, WindowInfo Info)>> ReadAsync()
    {
        var block = await chain.LatestBlockAsync(CancellationToken.None);
        Task<IReadOnlyList<(ulong Id, WindowInfo Info)>> windows;
        lock (_lock)
        {
            // Read after the block number was, a snapshot is never older than its block; a failed read is not shared.
            if (_snapshot is { } shared && shared.Block == block && !shared.Windows.IsFaulted && !shared.Windows.IsCanceled)
                windows = shared.Windows;
            else
                _snapshot = (block, windows = ReadAllAsync());
        }
        return await windows;
    }

    private async Task<IReadOnlyList<(ulong Id, WindowInfo Info)>> ReadAllAsync()
    {
        var count = await chain.Market.Trade.WindowCountAsync();
        var windows = new List<(ulong, WindowInfo)>();
        var first = (ulong)Interlocked.Read(ref _firstUnfinished);
        var allOverSoFar = true;
        for (var id = first; id <= count; id++)
        {
            var info = await chain.Market.Trade.GetWindowAsync(id);
            await ReportAsync(id, info);
            var over = info.Phase is ChainPhase.Closed or ChainPhase.Cancelled;
            if (over && allOverSoFar) Interlocked.CompareExchange(ref _firstUnfinished, (long)id + 1, (long)id);
            else allOverSoFar = false;
            if (!over) windows.Add((id, info));
        }
        return windows;
    }

    // The phase's start is the chain time of its PhaseChanged event, looked up once per phase change (not the time this
    // daemon first saw it, which after a restart would be the restart).
    private async Task ReportAsync(ulong id, WindowInfo info)
    {
        var phase = ToStatus(info.Phase);
        DateTimeOffset? began = null;
        if (!status.IsIn(id, phase))
        {
            var changes = await chain.Market.Trade.GetEventsAsync<PhaseChangedEvent>(chain.Deployment.Block, null, id);
            if (changes.LastOrDefault(c => c.Event.Phase == info.Phase) is { } change
                && await chain.Market.Rpc.GetBlockAsync(change.BlockNumber) is { } block)
                began = DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp);
        }

        static DateTimeOffset At(ulong seconds) => DateTimeOffset.FromUnixTimeSeconds((long)seconds);
        status.WindowSeen(id, phase, began, info.OrderCount,
            new WindowDeadlines(At(info.BiddingDeadline), At(info.MatchingDeadline), At(info.TransferDeadline), At(info.SettlementDeadline)));
    }

    /// <summary>The newest window, or null before the first one is opened.</summary>
    public async Task<(ulong Id, WindowInfo Info)?> NewestAsync()
    {
        var count = await chain.Market.Trade.WindowCountAsync();
        return count == 0 ? null : (count, await chain.Market.Trade.GetWindowAsync(count));
    }

    /// <summary>The /status phase for a chain phase.</summary>
    public static Status.WindowPhase ToStatus(ChainPhase phase) => phase switch
    {
        ChainPhase.BiddingOffering => Status.WindowPhase.BiddingOffering,
        ChainPhase.Matching => Status.WindowPhase.Matching,
        ChainPhase.EnergyTransfer => Status.WindowPhase.EnergyTransfer,
        ChainPhase.Settlement => Status.WindowPhase.Settlement,
        ChainPhase.Closed => Status.WindowPhase.Closed,
        ChainPhase.Cancelled => Status.WindowPhase.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "not a phase of an opened window"),
    };
}
