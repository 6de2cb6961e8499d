using EnergyAuction.Data.Profiles;
using Microsoft.Extensions.Logging;

namespace EnergyAuction.Hems.Profiles;

/// <summary>The profiles the HEMS replays: load shapes, PV generation and the feeder's load buses.</summary>
public sealed record ProfileData(LoadShapes Loads, PvGeneration Pv, FeederLoads Feeder, bool IsGenerated)
{
    /// <summary>Number of loads on the IEEE European LV feeder.</summary>
    public const int FeederLoadCount = 55;

    /// <summary>Reads the real profiles from <paramref name="dataDirectory"/>, or falls back to generated ones with a warning.</summary>
    public static ProfileData Load(string dataDirectory, ILogger logger)
    {
        if (ProfileFiles.All(dataDirectory).All(File.Exists))
        {
            logger.LogInformation("Replaying real profiles from {DataDirectory}", dataDirectory);
            return new ProfileData(LoadShapes.Read(ProfileFiles.Loads(dataDirectory)), PvGeneration.Read(ProfileFiles.Pv(dataDirectory)), FeederLoads.Read(ProfileFiles.FeederLoads(dataDirectory)), false);
        }
        logger.LogWarning(
            "Data directory {DataDirectory} lacks the profile files; serving small GENERATED profiles instead of real data",
            dataDirectory);
        return new ProfileData(LoadShapes.Generated(FeederLoadCount), PvGeneration.Generated(), FeederLoads.None(), true);
    }
}
