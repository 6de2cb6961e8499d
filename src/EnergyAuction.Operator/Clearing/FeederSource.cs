using EnergyAuction.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Clearing;

/// <summary>The feeder the daemon pairs on (<see cref="ClearingFeeder"/>), loaded once at start-up and named in the log.</summary>
public static partial class FeederSource
{
    /// <summary>Loads the configured feeder, else the engine's fallback feeder, and says which one it is.</summary>
    public static FeederDistances Load(OperatorOptions options, ILogger logger)
    {
        var feeder = ClearingFeeder.Load(options.ResolvedFeederDirectory());
        if (feeder.IsFallback) LogFallback(logger, feeder.Directory);
        else LogFeeder(logger, feeder.Directory, feeder.Buses);
        return feeder.Distances;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pairing on the feeder in {Directory} ({Buses} buses)")]
    private static partial void LogFeeder(ILogger logger, string directory, int buses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No lines.csv in {Directory}: pairing on the fallback feeder (buses 1-10, 25 m apart)")]
    private static partial void LogFallback(ILogger logger, string directory);
}
