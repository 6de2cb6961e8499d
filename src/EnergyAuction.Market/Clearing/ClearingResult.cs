using System.Numerics;

namespace EnergyAuction.Market.Clearing;

/// <summary>
/// Outcome of clearing: the uniform price p0 (wei per kWh; null when nothing trades) and the
/// winners of each side with their allocations in Wh, in price-priority order.
/// Two results are equal when price, winners, allocations and their order are equal.
/// </summary>
public sealed record ClearingResult(BigInteger? Price, Allocations OfferAllocations, Allocations BidAllocations)
{
    public static ClearingResult NoTrade { get; } = new(null, Allocations.None, Allocations.None);

    public bool Trades => Price is not null;

    /// <summary>Energy traded in Wh (= sum of offer allocations = sum of bid allocations).</summary>
    public Int128 TradedWh => BidAllocations.TotalWh;
}
