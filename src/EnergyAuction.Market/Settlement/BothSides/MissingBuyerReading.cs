using System.Numerics;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// MARKET.md "Settlement": a buyer whose reading is missing is settled match by match at b_m = s_m or b_m = 0,
/// whichever costs the buyer more on that match (ties: s_m). Its cost on a match is what it pays for the traded
/// energy, its fee half and its own penalty; the seller's penalty it receives does not depend on b_m.
/// </summary>
public static class MissingBuyerReading
{
    public static long Assumed(long matchWh, long sellerWh, long distanceM, BigInteger price, SettlementParameters parameters)
    {
        var atSeller = BuyerCost(matchWh, sellerWh, sellerWh, distanceM, price, parameters);
        var atZero = BuyerCost(matchWh, 0, sellerWh, distanceM, price, parameters);
        return atSeller >= atZero ? sellerWh : 0;
    }

    private static BigInteger BuyerCost(long matchWh, long buyerWh, long sellerWh, long distanceM, BigInteger price, SettlementParameters parameters)
    {
        var traded = Math.Min(buyerWh, sellerWh);
        return Money.Cost(traded, price) + FeeHalf.Of(traded, parameters.GridCharge, distanceM)
            + Money.Cost(matchWh - buyerWh, parameters.PenaltyRate);
    }
}
