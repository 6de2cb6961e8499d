using EnergyAuction.Chain.Services;

namespace EnergyAuction.Clearing;

/// <summary>How far the on-chain feeder registry is from a feeder's <see cref="RegistryDistances"/>: pairs it holds no
/// distance for and pairs it holds another figure for. postClearing refuses a match between such buses
/// (DistanceNotRecorded, DistanceMismatch), so the daemon warns at start-up until the DSO records them.</summary>
public sealed record RegistryGap(int Pairs, int Missing, int Different)
{
    /// <summary>The registry holds every pair with the feeder's figure.</summary>
    public bool IsClosed => Missing == 0 && Different == 0;

    /// <summary>Reads every pair of <paramref name="distances"/> from the registry (batched calls).</summary>
    public static async Task<RegistryGap> OfAsync(DataAccessService dataAccess, RegistryDistances distances, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataAccess);
        ArgumentNullException.ThrowIfNull(distances);
        var onChain = await dataAccess.DistancesBetweenAsync([.. distances.Pairs.Select(p => (p.BusA, p.BusB))], ct).ConfigureAwait(false);
        var missing = onChain.Count(m => m is null);
        var different = distances.Pairs.Where((p, i) => onChain[i] is { } metres && metres != p.Metres).Count();
        return new RegistryGap(distances.Pairs.Count, missing, different);
    }
}
