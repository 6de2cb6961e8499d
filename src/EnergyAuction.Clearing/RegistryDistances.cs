using System.Globalization;
using EnergyAuction.Data.Feeder;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Clearing;

/// <summary>What the DSO records in the feeder registry (DataAccess.recordDistances): the distance between every two
/// buses a meter can sit on, as the market engine's feeder computes it, so the figure on chain is the one the pairing
/// uses. On the IEEE LV feeder those are its load buses (55, so 1,485 pairs); on the generated fallback feeder, whose
/// load buses have letters in their names, meters sit on its numbered trunk buses 1..10 (45 pairs).</summary>
/// <param name="Buses">The buses meters sit on, by number, ascending.</param>
/// <param name="Pairs">Every two distinct buses once, lower bus first, with their distance in metres.</param>
/// <param name="IsFallback">The feeder folder held no IEEE feeder, so these are the fallback feeder's.</param>
public sealed record RegistryDistances(IReadOnlyList<uint> Buses, IReadOnlyList<(uint BusA, uint BusB, uint Metres)> Pairs, bool IsFallback)
{
    /// <summary>The distances of the feeder in a feeder folder (see <see cref="ClearingFeeder.Load"/>: the fallback
    /// feeder when the folder has no <c>lines.csv</c>).</summary>
    /// <exception cref="FeederException">The folder holds feeder files that cannot be read.</exception>
    public static RegistryDistances Of(string feederDirectory)
    {
        var isFallback = !File.Exists(Path.Combine(feederDirectory, "lines.csv"));
        var feeder = isFallback ? FallbackFeeder.Create() : FeederFiles.LoadDirectory(feederDirectory);
        var names = isFallback
            ? Enumerable.Range(1, FallbackFeeder.TrunkBuses).Select(t => t.ToString(CultureInfo.InvariantCulture))
            : feeder.LoadBus.Values.Distinct(StringComparer.Ordinal);
        var buses = names.Select(b => (Name: b, Number: uint.Parse(b, CultureInfo.InvariantCulture))).OrderBy(b => b.Number).ToList();
        var distances = feeder.Distances();
        var pairs = new List<(uint, uint, uint)>();
        for (var i = 0; i < buses.Count; i++)
            for (var j = i + 1; j < buses.Count; j++)
                pairs.Add((buses[i].Number, buses[j].Number, checked((uint)distances.Metres(buses[i].Name, buses[j].Name))));
        return new RegistryDistances([.. buses.Select(b => b.Number)], pairs, isFallback);
    }
}
