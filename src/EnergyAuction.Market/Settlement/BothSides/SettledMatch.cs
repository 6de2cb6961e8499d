using System.Numerics;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>One match after settlement; energy in Wh, money in wei.</summary>
/// <param name="EnergyWh">E_m, the matched energy.</param>
/// <param name="SellerWh">s_m, the seller's export credited to this match.</param>
/// <param name="BuyerWh">b_m, the buyer's import credited to this match (as assumed when its reading is missing).</param>
/// <param name="TradedWh">t_m = min(b_m, s_m).</param>
/// <param name="Payment">cost(t_m, p0), from the buyer to the seller.</param>
/// <param name="FeeHalf">h_m, paid by each side; the DSO receives 2 * h_m.</param>
/// <param name="SellerPenalty">cost(E_m - s_m, π), from the seller to the buyer.</param>
/// <param name="BuyerPenalty">cost(E_m - b_m, π), from the buyer to the seller.</param>
public sealed record SettledMatch(
    string OfferId,
    string BidId,
    long EnergyWh,
    long DistanceM,
    long SellerWh,
    long BuyerWh,
    long TradedWh,
    BigInteger Payment,
    BigInteger FeeHalf,
    BigInteger SellerPenalty,
    BigInteger BuyerPenalty);
