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

    /// <summary>Records that window <paramref name="window"/> is now in <paramref name="phase"/>.</summary>
    public void WindowReached(ulong window, WindowPhase phase)
    {
        lock (_lock) _windows[window] = new WindowStatus(window, phase, time.GetUtcNow());
    }

    /// <summary>Records the last block whose OracleRequest logs were handled.</summary>
    public void BlockProcessed(long block)
    {
        lock (_lock) _lastProcessedBlock = block;
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
        lock (_lock) return new MarketStatusSnapshot([.. _windows.Values], _lastProcessedBlock, [.. _pending.Values]);
    }
}

/// <summary>One window's phase and when the daemon saw it reached.</summary>
public sealed record WindowStatus(ulong Window, WindowPhase Phase, DateTimeOffset Since);

/// <summary>An oracle request waiting for a HEMS reading.</summary>
public sealed record PendingOracleRequest(string RequestId, string Url, DateTimeOffset Since);

/// <summary>The body of <c>/status</c>.</summary>
public sealed record MarketStatusSnapshot(
    IReadOnlyList<WindowStatus> Windows, long? LastProcessedBlock, IReadOnlyList<PendingOracleRequest> PendingOracleRequests);
