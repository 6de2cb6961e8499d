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
        var (loads, pv, feeder) = Files(dataDirectory);
        if (File.Exists(loads) && File.Exists(pv) && File.Exists(feeder))
        {
            logger.LogInformation("Replaying real profiles from {DataDirectory}", dataDirectory);
            return new ProfileData(LoadShapes.Read(loads), PvGeneration.Read(pv), FeederLoads.Read(feeder), false);
        }
        logger.LogWarning(
            "Data directory {DataDirectory} lacks the profile files; serving small GENERATED profiles instead of real data",
            dataDirectory);
        return new ProfileData(LoadShapes.Generated(FeederLoadCount), PvGeneration.Generated(), FeederLoads.None(), true);
    }

    /// <summary>The three files the real profiles are read from; all must exist, else the generated profiles are served.</summary>
    public static (string Loads, string Pv, string Feeder) Files(string dataDirectory) => (
        Path.Combine(dataDirectory, "profiles", "ieee_eulv_load_profiles_1min.csv"),
        Path.Combine(dataDirectory, "profiles", "ausgrid_customer12_2011-2012_30min.csv"),
        Path.Combine(dataDirectory, "ieee-eu-lv", "loads.csv"));
}
