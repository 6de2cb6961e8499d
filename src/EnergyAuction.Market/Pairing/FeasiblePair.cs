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

    /// <summary>The largest distance in metres whose fee half fits in the price: for d &gt;= 0, C_d * d &lt;= 2000 * p0
    /// exactly when d &lt;= this (-1 when no distance fits, long.MaxValue when every one does), so a loop over many
    /// pairs at one price compares integers instead of multiplying big ones.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative grid charge.</exception>
    public static long FeeReachM(BigInteger gridCharge, BigInteger price)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gridCharge);
        var budget = 2000 * price;
        if (budget.Sign < 0)
            return -1;
        if (gridCharge.IsZero)
            return long.MaxValue;
        var reach = budget / gridCharge;
        return reach > long.MaxValue ? long.MaxValue : (long)reach;
    }
}
