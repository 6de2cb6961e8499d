using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Clearing;

/// <summary>
/// The feeder the daemon serves: the distances the pairing measures, and <see cref="LoadSpanMetres"/>, the largest
/// distance between two of its load buses (318 m on the IEEE LV feeder), which is the smallest L under which every
/// household may trade with every other.
/// </summary>
/// <param name="Distances">Distances between the feeder's buses.</param>
/// <param name="LoadSpanMetres">Largest distance between two load buses, metres.</param>
public sealed record OperatorFeeder(FeederDistances Distances, long LoadSpanMetres)
{
    /// <summary>The largest distance between two of <paramref name="topology"/>'s load buses, metres.</summary>
    public static long LoadSpan(FeederTopology topology, FeederDistances distances)
    {
        var buses = topology.Loads.Select(l => l.Bus).Distinct(StringComparer.Ordinal).Where(distances.Contains).ToList();
        long span = 0;
        for (var a = 0; a < buses.Count; a++)
            for (var b = a + 1; b < buses.Count; b++)
                span = Math.Max(span, distances.Metres(buses[a], buses[b]));
        return span;
    }

    /// <summary>L for the windows the daemon opens: the configured one, else <see cref="LoadSpanMetres"/>.</summary>
    public long MaxDistanceMetres(WindowOptions window) => window.MaxDistanceMetres ?? LoadSpanMetres;
}
