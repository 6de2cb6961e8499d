using System.Numerics;

namespace EnergyAuction.Market.Settlement;

/// <summary>
/// MARKET.md "Settlement" grid fee of a match: fee = d * C_d * dist / (1000 * 1000), rounded down
/// (Wh x wei/kWh/km x m). Agreed split of an odd wei: the seller bears floor(fee / 2), the buyer
/// pays the rest (fee - floor(fee / 2)); the DSO receives the whole fee.
/// </summary>
public static class GridFee
{
    /// <summary>1000 Wh per kWh times 1000 m per km.</summary>
    public const long WhKmDivisor = 1000 * 1000;

    public static BigInteger For(long deliveredWh, BigInteger gridChargeWeiPerKwhPerKm, long distanceM) =>
        deliveredWh * gridChargeWeiPerKwhPerKm * distanceM / WhKmDivisor;

    public static BigInteger SellerShare(BigInteger fee) => fee / 2;

    public static BigInteger BuyerShare(BigInteger fee) => fee - SellerShare(fee);
}
