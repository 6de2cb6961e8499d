using System.Numerics;

namespace EnergyAuction.Demo;

/// <summary>An order a household placed with `energy offer` or `energy bid`.</summary>
public sealed record PlacedOrder(DemoHousehold Household, bool IsOffer, ulong OrderId, long EnergyWh, BigInteger Price, BigInteger Deposit);

/// <summary>One settled match as `energy trades` reports it.</summary>
public sealed record MatchResult(
    ulong OfferId, ulong BidId, string Seller, string Buyer, long DistanceM, long EnergyWh, long DeliveredWh,
    BigInteger BuyerPayment, BigInteger SellerPayout, BigInteger Fee, BigInteger Penalty);

/// <summary>A household's part in one window: its order, what it traded and got delivered, and its income (positive)
/// or payment (negative) from the settled matches.</summary>
public sealed record HouseholdResult(
    string Meter, string Role, ulong OrderId, long OrderWh, BigInteger Price, BigInteger Deposit, string Status,
    long TradedWh, long DeliveredWh, BigInteger Net, int Matches);

/// <summary>What one window came to, and how long each phase took in real time.</summary>
public sealed record WindowResult(
    ulong Window, string Phase, BigInteger Price, IReadOnlyList<MatchResult> Matches, IReadOnlyList<HouseholdResult> Households,
    BigInteger Fees, string Verdict, IReadOnlyList<string> VerifyDifferences, IReadOnlyDictionary<string, double> PhaseSeconds)
{
    public long DeliveredWh => Matches.Sum(m => m.DeliveredWh);

    public long TradedWh => Matches.Sum(m => m.EnergyWh);
}
