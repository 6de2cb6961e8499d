namespace EnergyAuction.Chain.Rpc;

/// <summary>Timeouts and retry bounds for JSON-RPC calls.</summary>
public sealed record RpcResilienceOptions
{
    /// <summary>Each HTTP attempt is cancelled after this long.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt, for transient failures only (connection errors, timeouts, 429/5xx).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff; later ones grow exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    public static RpcResilienceOptions Default { get; } = new();
}
