using EnergyAuction.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Data.Feeder;
using EnergyAuction.Data;

namespace EnergyAuction.Market.Benchmarks;

/// <summary>The shared data directory, found as the daemon and the CLI find it (<see cref="SharedDataDirectory"/>).</summary>
internal static class DataDirectory
{
    public static string Path => SharedDataDirectory.Resolve(null);

    /// <summary>The IEEE European LV feeder, or the generated fallback when the data is absent.</summary>
    public static FeederTopology Feeder() => FeederFiles.LoadOrFallback(Path);
}
