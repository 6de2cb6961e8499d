using System.CommandLine;
using EnergyAuction.Clearing;
using EnergyAuction.Data;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Cli.Connection;

/// <summary>--data-dir and the feeder under it, loaded as the operator daemon loads it (the fallback feeder, said on
/// stderr, when the data directory has none).</summary>
public static class FeederOption
{
    public static Option<string?> Create() => new("--data-dir")
    {
        Description = $"Shared data directory with ieee-eu-lv/ (default: ${SharedDataDirectory.EnvironmentVariable}, else ../shared/data next to the repository)",
    };

    public static ClearingFeeder Load(CliContext context, string? dataDirOption)
    {
        var dataDir = SharedDataDirectory.Resolve(dataDirOption);
        try
        {
            var feeder = ClearingFeeder.Load(SharedDataDirectory.FeederDirectory(dataDir));
            if (feeder.IsFallback)
                context.Note($"no {SharedDataDirectory.FeederFolder}/lines.csv under {dataDir}: using the fallback feeder, as the operator daemon does");
            return feeder;
        }
        catch (FeederException e)
        {
            throw CliException.Failure($"the feeder under {dataDir} cannot be read: {e.Message}", e);
        }
    }
}
