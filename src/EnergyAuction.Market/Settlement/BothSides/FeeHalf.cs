using System.Numerics;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// MARKET.md "Settlement": a match's fee half h_m = t_m * C_d * dist_m / (2 * 1000 * 1000), rounded down. Each side
/// pays h_m and the DSO receives 2 * h_m, so no odd wei needs a rule.
/// </summary>
public static class FeeHalf
{
    /// <summary>1000 Wh per kWh times 1000 m per km.</summary>
    public const long WhMetresPerKwhKm = 1000 * 1000;

    public static BigInteger Of(long tradedWh, BigInteger gridCharge, long distanceM) =>
        tradedWh * gridCharge * distanceM / (2 * WhMetresPerKwhKm);
}
