using System.Numerics;
using EnergyAuction.Chain;

namespace EnergyAuction.Clearing;

/// <summary>
/// What an honest operator posts for a window: the uniform price and the matches in posting (pairing) order, empty for
/// no trade. <see cref="Problem"/> says why a computed clearing was replaced by no trade.
/// </summary>
public sealed record ClearingPlan(BigInteger Price, IReadOnlyList<ChainMatch> Matches, string? Problem = null)
{
    /// <summary>keccak256 of the canonical result (<see cref="ClearingResultHash"/>), what finaliseClearing commits to.</summary>
    public byte[] ResultHash(ulong windowId) => ClearingResultHash.Compute(windowId, Price, Matches);
}
