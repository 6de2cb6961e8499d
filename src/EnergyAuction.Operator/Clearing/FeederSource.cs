using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Clearing;

/// <summary>The feeder the pairing measures distances on: the configured IEEE feeder directory, else the engine's fallback feeder.</summary>
public static partial class FeederSource
{
    /// <summary>Loads the feeder once at start-up and says which one it is.</summary>
    public static FeederDistances Load(OperatorOptions options, ILogger logger)
    {
        var directory = options.ResolvedFeederDirectory();
        if (File.Exists(Path.Combine(directory, "lines.csv")))
        {
            var feeder = FeederTopology.LoadDirectory(directory);
            LogFeeder(logger, directory, feeder.Buses.Count);
            return feeder.Distances();
        }
        LogFallback(logger, directory);
        return FallbackFeeder.Create().Distances();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pairing on the feeder in {Directory} ({Buses} buses)")]
    private static partial void LogFeeder(ILogger logger, string directory, int buses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No lines.csv in {Directory}: pairing on the fallback feeder (buses 1-10, 25 m apart)")]
    private static partial void LogFallback(ILogger logger, string directory);
}
