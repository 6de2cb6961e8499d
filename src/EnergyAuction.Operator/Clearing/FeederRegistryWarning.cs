using EnergyAuction.Clearing;
using EnergyAuction.Operator.Chain;

namespace EnergyAuction.Operator.Clearing;

/// <summary>At start-up: whether the DSO's feeder registry on chain holds the distances of the feeder the daemon pairs
/// on. A gap does not stop the daemon (the DSO may record them later) but every match across it would be refused.</summary>
public static partial class FeederRegistryWarning
{
    public static async Task LogAsync(OperatorChain chain, string feederDirectory, ILogger logger, CancellationToken ct)
    {
        var distances = RegistryDistances.Of(feederDirectory);
        var gap = await RegistryGap.OfAsync(chain.Market.DataAccess, distances, ct).ConfigureAwait(false);
        if (gap.IsClosed) LogClosed(logger, gap.Pairs, distances.Buses.Count);
        else LogGap(logger, gap.Missing, gap.Different, gap.Pairs, feederDirectory);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feeder registry holds all {Pairs} distances between the feeder's {Buses} meter buses")]
    private static partial void LogClosed(ILogger logger, int pairs, int buses);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feeder registry: {Missing} distances not recorded and {Different} different from the feeder in {Directory}, of {Pairs} between its meter buses; postClearing refuses matches between those buses (DistanceNotRecorded, DistanceMismatch) until the DSO runs `energy registry record-distances`")]
    private static partial void LogGap(ILogger logger, int missing, int different, int pairs, string directory);
}
