using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Clearing;

/// <summary>What was posted against what the orders imply: price, every match in posting order, and the result hash
/// (both whether the posted hash commits to the posted matches and whether it equals the recomputed one).
/// Shared by `energy market verify` and the explorer, which each name amounts in their own words.
/// <see cref="PostedMatchesHash"/> is the hash of the posted price and matches, to set beside the one the chain holds.</summary>
public sealed record ClearingComparison(ulong WindowId, byte[] PostedHash, byte[] PostedMatchesHash, byte[] RecomputedHash, IReadOnlyList<string> Differences)
{
    private const int MatchesListed = 10;

    public bool Agrees => Differences.Count == 0;

    public static ClearingComparison Of(ulong windowId, BigInteger postedPrice, IReadOnlyList<ChainMatch> postedMatches, byte[] postedHash,
        ClearingPlan recomputed, ClearingUnits units)
    {
        var differences = new List<string>();
        if (postedPrice != recomputed.Price)
            differences.Add($"price: posted {units.Price(postedPrice)}/kWh, recomputed {units.Price(recomputed.Price)}/kWh");
        if (postedMatches.Count != recomputed.Matches.Count)
            differences.Add($"matches: posted {postedMatches.Count}, recomputed {recomputed.Matches.Count}");
        var differing = Enumerable.Range(0, Math.Max(postedMatches.Count, recomputed.Matches.Count))
            .Where(i => i >= postedMatches.Count || i >= recomputed.Matches.Count || postedMatches[i] != recomputed.Matches[i])
            .ToList();
        foreach (var i in differing.Take(MatchesListed))
            differences.Add($"match #{i + 1}: posted {Describe(units, postedMatches.ElementAtOrDefault(i))}, recomputed {Describe(units, recomputed.Matches.ElementAtOrDefault(i))}");
        if (differing.Count > MatchesListed)
            differences.Add($"{differing.Count - MatchesListed} more matches differ");

        var recomputedHash = recomputed.ResultHash(windowId);
        var hashOfPosted = ClearingResultHash.Compute(windowId, postedPrice, postedMatches);
        if (!hashOfPosted.AsSpan().SequenceEqual(postedHash))
            differences.Add($"the posted result hash {HexConvert.ToHex(postedHash)} does not commit to the posted matches (they hash to {HexConvert.ToHex(hashOfPosted)})");
        if (!recomputedHash.AsSpan().SequenceEqual(postedHash))
            differences.Add($"result hash: posted {HexConvert.ToHex(postedHash)}, recomputed {HexConvert.ToHex(recomputedHash)}");
        return new ClearingComparison(windowId, postedHash, hashOfPosted, recomputedHash, differences);
    }

    private static string Describe(ClearingUnits units, ChainMatch? m) =>
        m is null ? "none" : $"offer {m.OfferId} -> bid {m.BidId}, {units.Energy((long)m.EnergyWh)} over {m.DistanceM} m";
}
