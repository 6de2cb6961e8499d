using System.Numerics;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing" score, after thesis Algorithm 4: score = score_price * W_n * f_b * f_s with
/// score_price = P(b) - d_km * C_d / 2, W_n = (W_s + W_b) / W_max (1 when W_max = 0) and f_i = 1 when d &lt;= D_i,
/// else D_i / d. Every operand becomes an IEEE-754 double before any operation and each expression is evaluated left
/// to right, so every implementation ranks alike.
/// </summary>
public static class PairingScore
{
    /// <param name="bidPrice">P(b), wei per kWh.</param>
    /// <param name="distanceM">d, metres.</param>
    /// <param name="gridCharge">C_d, wei per kWh per km.</param>
    /// <param name="normalisedWelfare">W_n, from <see cref="Welfare.Normalised"/>.</param>
    /// <param name="buyerPreferenceM">D_b, metres.</param>
    /// <param name="sellerPreferenceM">D_s, metres.</param>
    public static double Of(BigInteger bidPrice, long distanceM, BigInteger gridCharge, double normalisedWelfare, long buyerPreferenceM, long sellerPreferenceM) =>
        Of((double)bidPrice, distanceM, (double)gridCharge, normalisedWelfare, buyerPreferenceM, sellerPreferenceM);

    /// <summary>The same score with P(b) and C_d already converted to doubles, as a loop over many pairs converts them
    /// once.</summary>
    public static double Of(double bidPrice, long distanceM, double gridCharge, double normalisedWelfare, long buyerPreferenceM, long sellerPreferenceM)
    {
        double price = bidPrice, d = distanceM, charge = gridCharge;
        var distanceKm = d / 1000.0;
        var scorePrice = price - distanceKm * charge / 2.0;
        return scorePrice * normalisedWelfare * Preference(d, buyerPreferenceM) * Preference(d, sellerPreferenceM);
    }

    /// <summary>f_i: 1 when d &lt;= D_i, else D_i / d.</summary>
    public static double Preference(double distanceM, long preferenceM)
    {
        double preference = preferenceM;
        return distanceM <= preference ? 1.0 : preference / distanceM;
    }
}
