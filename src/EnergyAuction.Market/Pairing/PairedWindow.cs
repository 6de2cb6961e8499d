using System.Numerics;
using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// A window cleared and paired by MARKET.md: the clearing of the book that remains after the removals (price p0, null
/// when nothing trades, and the allocations), the matches in posting order (each winner's matches sum to its
/// allocation), the removed orders in removal order, and how many clearings it took.
/// </summary>
public sealed record PairedWindow(ClearingResult Clearing, IReadOnlyList<PairedMatch> Matches, IReadOnlyList<RemovedOrder> Removed, int Rounds)
{
    public BigInteger? Price => Clearing.Price;
}
