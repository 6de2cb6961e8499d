namespace EnergyAuction.Operator.Status;

/// <summary>Counters the daemon's work adds to, for <c>/metrics</c>: oracle requests fulfilled, failed (no HEMS
/// reading) and ignored (not ours to serve), and JSON-RPC attempts that failed and were retried or given up.</summary>
public sealed class OperatorMetrics
{
    private long _fulfilled;
    private long _failed;
    private long _ignored;
    private long _rpcFailedAttempts;

    public long OracleFulfilled => Interlocked.Read(ref _fulfilled);

    public long OracleFailed => Interlocked.Read(ref _failed);

    public long OracleIgnored => Interlocked.Read(ref _ignored);

    public long RpcFailedAttempts => Interlocked.Read(ref _rpcFailedAttempts);

    public void Fulfilled() => Interlocked.Increment(ref _fulfilled);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void Ignored() => Interlocked.Increment(ref _ignored);

    public void RpcAttemptFailed() => Interlocked.Increment(ref _rpcFailedAttempts);
}
