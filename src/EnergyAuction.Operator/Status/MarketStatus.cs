namespace EnergyAuction.Operator.Status;

/// <summary>
/// What the daemon knows right now, for <c>/status</c>: each window's phase, the last block whose
/// oracle requests were handled, and the oracle requests waiting for a reading. The hosted
/// services write it; the HTTP endpoint reads consistent snapshots.
/// </summary>
public sealed class MarketStatus(TimeProvider time)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<ulong, WindowStatus> _windows = [];
    private readonly SortedDictionary<string, PendingOracleRequest> _pending = new(StringComparer.Ordinal);
    private long? _lastProcessedBlock;
    private DateTimeOffset? _lastProcessedAt;

    /// <summary>Records that window <paramref name="window"/> is now in <paramref name="phase"/>, since now.</summary>
    public void WindowReached(ulong window, WindowPhase phase)
    {
        lock (_lock) _windows[window] = new WindowStatus(window, phase, time.GetUtcNow());
    }

    /// <summary>Whether the window is known to be in <paramref name="phase"/> already.</summary>
    public bool IsIn(ulong window, WindowPhase phase)
    {
        lock (_lock) return _windows.TryGetValue(window, out var known) && known.Phase == phase;
    }

    /// <summary>Records a window as read from the chain: its phase (which began at <paramref name="phaseBegan"/>, chain
    /// time; null keeps the known start), its order count and its deadlines.</summary>
    public void WindowSeen(ulong window, WindowPhase phase, DateTimeOffset? phaseBegan, ulong orders, WindowDeadlines deadlines)
    {
        lock (_lock)
        {
            var since = phaseBegan ?? (_windows.TryGetValue(window, out var known) && known.Phase == phase ? known.Since : time.GetUtcNow());
            _windows[window] = new WindowStatus(window, phase, since, orders, deadlines);
        }
    }

    /// <summary>Records the last block whose OracleRequest logs were handled.</summary>
    public void BlockProcessed(long block)
    {
        lock (_lock)
        {
            _lastProcessedBlock = block;
            _lastProcessedAt = time.GetUtcNow();
        }
    }

    /// <summary>Records an oracle request waiting for its HEMS reading.</summary>
    public void RequestPending(string requestId, string url)
    {
        lock (_lock) _pending[requestId] = new PendingOracleRequest(requestId, url, time.GetUtcNow());
    }

    /// <summary>Records that a request no longer waits (fulfilled or given up).</summary>
    public void RequestDone(string requestId)
    {
        lock (_lock) _pending.Remove(requestId);
    }

    /// <summary>A consistent copy of the current state.</summary>
    public MarketStatusSnapshot Snapshot()
    {
        lock (_lock) return new MarketStatusSnapshot([.. _windows.Values], _lastProcessedBlock, [.. _pending.Values]) { LastProcessedAt = _lastProcessedAt };
    }
}

/// <summary>One window's phase and when it began (chain time of its PhaseChanged event, once read from the chain), its
/// orders and deadlines.</summary>
public sealed record WindowStatus(ulong Window, WindowPhase Phase, DateTimeOffset Since, ulong Orders = 0, WindowDeadlines? Deadlines = null);

/// <summary>A window's four deadlines (chain time).</summary>
public sealed record WindowDeadlines(DateTimeOffset Bidding, DateTimeOffset Matching, DateTimeOffset Transfer, DateTimeOffset Settlement);

/// <summary>An oracle request waiting for a HEMS reading.</summary>
public sealed record PendingOracleRequest(string RequestId, string Url, DateTimeOffset Since);

/// <summary>The body of <c>/status</c>.</summary>
public sealed record MarketStatusSnapshot(
    IReadOnlyList<WindowStatus> Windows, long? LastProcessedBlock, IReadOnlyList<PendingOracleRequest> PendingOracleRequests)
{
    /// <summary>When the oracle job last got through a block (not in /status; /health reports its age).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateTimeOffset? LastProcessedAt { get; init; }
}
