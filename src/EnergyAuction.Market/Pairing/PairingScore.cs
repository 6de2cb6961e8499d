namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing" score per thesis Algorithm 4: score_price = P(b) - d_km * C_d and
/// W = (W_s + W_b) / 2; a preference D is exceeded when d &gt; D, and each exceeded preference adds
/// D/d to W and one to the divisor.
/// </summary>
public static class PairingScore
{
    /// <param name="bidPrice">P(b), wei per kWh.</param>
    /// <param name="gridCharge">C_d, wei per kWh per km.</param>
    /// <param name="welfare">W = (W_s + W_b) / 2, wei.</param>
    /// <param name="distanceM">d, metres.</param>
    /// <param name="buyerPreferenceM">D_b, metres.</param>
    /// <param name="sellerPreferenceM">D_s, metres.</param>
    public static double Of(double bidPrice, double gridCharge, double welfare, long distanceM, long buyerPreferenceM, long sellerPreferenceM)
    {
        var scorePrice = bidPrice - distanceM / 1000.0 * gridCharge;
        var buyerExceeded = distanceM > buyerPreferenceM;
        var sellerExceeded = distanceM > sellerPreferenceM;
        return (buyerExceeded, sellerExceeded) switch
        {
            (false, false) => scorePrice * welfare,
            (false, true) => scorePrice * (welfare + (double)sellerPreferenceM / distanceM) / 2,
            (true, false) => scorePrice * (welfare + (double)buyerPreferenceM / distanceM) / 2,
            (true, true) => scorePrice * (welfare + (double)buyerPreferenceM / distanceM + (double)sellerPreferenceM / distanceM) / 3,
        };
    }
}
