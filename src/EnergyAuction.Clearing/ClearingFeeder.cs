using EnergyAuction.Market.Feeder;
using EnergyAuction.Data.Feeder;
using EnergyAuction.Data;

namespace EnergyAuction.Clearing;

/// <summary>
/// The feeder the pairing measures distances on: the IEEE feeder in <see cref="Directory"/> when it holds
/// <c>lines.csv</c>, else the market engine's fallback feeder (<see cref="IsFallback"/>). A meter's bus number is the
/// bus's name.
/// </summary>
public sealed record ClearingFeeder(string Directory, FeederDistances Distances, int Buses, bool IsFallback)
{
    /// <summary>Loads the feeder of a feeder folder (see <see cref="SharedDataDirectory.FeederDirectory"/>).</summary>
    /// <exception cref="FeederException">The folder holds feeder files that cannot be read.</exception>
    public static ClearingFeeder Load(string feederDirectory)
    {
        var directory = Path.GetFullPath(feederDirectory);
        var isFallback = !File.Exists(Path.Combine(directory, "lines.csv"));
        var feeder = isFallback ? FallbackFeeder.Create() : FeederFiles.LoadDirectory(directory);
        return new ClearingFeeder(directory, feeder.Distances(), feeder.Buses.Count, isFallback);
    }
}
