using System.Globalization;

namespace EnergyAuction.Cli;

/// <summary>Chain time (unix seconds) as the tool prints it: UTC, to the second.</summary>
public static class Clock
{
    public static string Utc(ulong unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds((long)unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
