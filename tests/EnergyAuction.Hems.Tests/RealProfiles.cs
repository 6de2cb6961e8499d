using EnergyAuction.Hems.Profiles;
using EnergyAuction.Data;
using EnergyAuction.Data.Profiles;

namespace EnergyAuction.Hems.Tests;

/// <summary>
/// Options for a HEMS that replays the real profiles from the default data directory (the one the HEMS itself
/// resolves). Tests that check real values are skipped, naming the missing file, when the shared data is absent.
/// </summary>
internal static class RealProfiles
{
    public static HemsOptions Options
    {
        get
        {
            foreach (var file in ProfileFiles.All(SharedDataDirectory.Resolve(null)))
                Assume.That(File.Exists(file), $"shared profile data not found: {file} is missing");
            return new HemsOptions { Origin = HemsServer.January15 };
        }
    }
}
