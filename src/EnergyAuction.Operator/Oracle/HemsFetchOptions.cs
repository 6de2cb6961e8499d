namespace EnergyAuction.Operator.Oracle;

/// <summary>How patiently the oracle job asks the HEMS for a reading.</summary>
/// <param name="AttemptTimeout">Longest wait for one answer.</param>
/// <param name="MaxRetries">Retries after the first attempt, on 5xx, timeouts and connection errors.</param>
/// <param name="FirstRetryDelay">Delay before the first retry; doubles each time, with jitter.</param>
public sealed record HemsFetchOptions(TimeSpan AttemptTimeout, int MaxRetries, TimeSpan FirstRetryDelay)
{
    /// <summary>5 s per attempt, 4 retries from 500 ms: gives up within about 30 s.</summary>
    public static HemsFetchOptions Default { get; } = new(TimeSpan.FromSeconds(5), 4, TimeSpan.FromMilliseconds(500));
}
