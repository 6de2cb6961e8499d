using EnergyAuction.Clearing;
using EnergyAuction.Data;

namespace EnergyAuction.Market.Tests;

/// <summary>The shared data directory, found as the daemon and the CLI find it (<see cref="SharedDataDirectory"/>).</summary>
public static class TestData
{
    public static string Directory => SharedDataDirectory.Resolve(null);

    public static string IeeeFeeder
    {
        get
        {
            var path = SharedDataDirectory.FeederDirectory(Directory);
            Assume.That(File.Exists(Path.Combine(path, "lines.csv")), $"IEEE feeder data not found at {path}");
            return path;
        }
    }
}
