using System.Numerics;

namespace EnergyAuction.Demo;

/// <summary>An order a household placed with `energy offer` or `energy bid`: its deposit (escrow or collateral) and the
/// order fee it paid on top, which is never refunded.</summary>
public sealed record PlacedOrder(DemoHousehold Household, bool IsOffer, ulong OrderId, long EnergyWh, BigInteger Price, BigInteger Deposit,
    BigInteger OrderFee);

/// <summary>One settled match as `energy trades` reports it.</summary>
public sealed record MatchResult(
    ulong OfferId, ulong BidId, string Seller, string Buyer, long DistanceM, long EnergyWh, long DeliveredWh,
    BigInteger BuyerPayment, BigInteger SellerPayout, BigInteger Fee, BigInteger Penalty);

/// <summary>A household's part in one window: its order, what it traded and got delivered, what the settled matches moved
/// to (positive) or from (negative) it, and the order fee it paid; <see cref="Net"/> counts both.</summary>
public sealed record HouseholdResult(
    string Meter, string Role, ulong OrderId, long OrderWh, BigInteger Price, BigInteger Deposit, BigInteger OrderFee, string Status,
    long TradedWh, long DeliveredWh, BigInteger FromMatches, int Matches)
{
    public BigInteger Net => FromMatches - OrderFee;
}

/// <summary>What one window came to, and how long each phase took in real time. <see cref="Fees"/> are the DSO's grid
/// fees, <see cref="OrderFees"/> the operator's income from the window's orders.</summary>
public sealed record WindowResult(
    ulong Window, string Phase, BigInteger Price, IReadOnlyList<MatchResult> Matches, IReadOnlyList<HouseholdResult> Households,
    BigInteger Fees, string Verdict, IReadOnlyList<string> VerifyDifferences, IReadOnlyDictionary<string, double> PhaseSeconds)
{
    public long DeliveredWh => Matches.Sum(m => m.DeliveredWh);

    public long TradedWh => Matches.Sum(m => m.EnergyWh);

    public BigInteger OrderFees => Households.Aggregate(BigInteger.Zero, (s, h) => s + h.OrderFee);
}
