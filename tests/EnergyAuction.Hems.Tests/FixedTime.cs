namespace EnergyAuction.Hems.Tests;

/// <summary>A clock the test sets, so "now" on the HEMS is known.</summary>
public sealed class FixedTime(long unixSeconds) : TimeProvider
{
    public long UnixSeconds { get; set; } = unixSeconds;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeSeconds(UnixSeconds);
}
