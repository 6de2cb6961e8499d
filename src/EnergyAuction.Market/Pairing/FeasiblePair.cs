using System.Numerics;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing", feasible pair: d(b, s) &lt;= L, C_d * d &lt;= 2000 * p0 (exact integers: the seller's fee half
/// per kWh fits in the price), and the two meters have different owners. No match is made outside these pairs.
/// </summary>
public static class FeasiblePair
{
    /// <summary>Within L and of different owners: what an order needs of at least one order of the other side to stay in the book.</summary>
    public static bool WithinReach(long distanceM, long maxDistanceM, string buyerOwner, string sellerOwner) =>
        distanceM <= maxDistanceM && !string.Equals(buyerOwner, sellerOwner, StringComparison.Ordinal);

    public static bool Allows(long distanceM, long maxDistanceM, BigInteger gridCharge, BigInteger price, string buyerOwner, string sellerOwner) =>
        WithinReach(distanceM, maxDistanceM, buyerOwner, sellerOwner) && gridCharge * distanceM <= 2000 * price;
}
