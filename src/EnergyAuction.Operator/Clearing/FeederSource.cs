using EnergyAuction.Clearing;
using EnergyAuction.Data.Feeder;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Clearing;

/// <summary>The feeder the daemon pairs on (<see cref="ClearingFeeder"/>), loaded once at start-up and named in the log.</summary>
public static partial class FeederSource
{
    /// <summary>
    /// Loads the configured feeder, else the engine's fallback feeder, says which one it is and which L the windows get,
    /// and warns when a configured L is shorter than the distance between some households.
    /// </summary>
    public static OperatorFeeder Load(OperatorOptions options, ILogger logger)
    {
        var feeder = ClearingFeeder.Load(options.ResolvedFeederDirectory());
        if (feeder.IsFallback) LogFallback(logger, feeder.Directory);
        else LogFeeder(logger, feeder.Directory, feeder.Buses);
        var topology = feeder.IsFallback ? FallbackFeeder.Create() : FeederFiles.LoadDirectory(feeder.Directory);
        var served = new OperatorFeeder(feeder.Distances, OperatorFeeder.LoadSpan(topology, feeder.Distances));
        var l = served.MaxDistanceMetres(options.Window);
        if (options.Window.MaxDistanceMetres is null) LogDefaultDistance(logger, l);
        else if (l < served.LoadSpanMetres) LogDistanceCutsOff(logger, l, served.LoadSpanMetres);
        return served;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pairing on the feeder in {Directory} ({Buses} buses)")]
    private static partial void LogFeeder(ILogger logger, string directory, int buses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No lines.csv in {Directory}: pairing on the fallback feeder (buses 1-10, 25 m apart)")]
    private static partial void LogFallback(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Information, Message = "Window:MaxDistanceMetres not set: windows get L = {Metres} m, the largest distance between two load buses of the feeder")]
    private static partial void LogDefaultDistance(ILogger logger, long metres);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Window:MaxDistanceMetres (--max-distance / ENERGY_OPERATOR_WINDOW_MAX_DISTANCE_METRES) = {Metres} m is shorter than the {Span} m between the feeder's farthest load buses: some households cannot trade with each other")]
    private static partial void LogDistanceCutsOff(ILogger logger, long metres, long span);
}
