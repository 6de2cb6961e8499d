using System.Numerics;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing" welfare, linear special case, in wei: W_s = (p0 - P(s)) * E'(s) / 1000 and
/// W_b = (P(b) - p0) * E'(b) / 1000 (integer division); W_n = (W_s + W_b) / W_max in doubles.
/// </summary>
public static class Welfare
{
    public static BigInteger OfSeller(BigInteger p0, BigInteger offerPrice, long allocatedWh) =>
        (p0 - offerPrice) * allocatedWh / Money.WhPerKwh;

    public static BigInteger OfBuyer(BigInteger p0, BigInteger bidPrice, long allocatedWh) =>
        (bidPrice - p0) * allocatedWh / Money.WhPerKwh;

    /// <summary>W_s + W_b with both converted to doubles first, as the score requires.</summary>
    public static double OfPair(BigInteger sellerWelfare, BigInteger buyerWelfare) => OfPair((double)sellerWelfare, (double)buyerWelfare);

    /// <summary>W_s + W_b already converted to doubles, as a loop over many pairs converts each once.</summary>
    public static double OfPair(double sellerWelfare, double buyerWelfare) => sellerWelfare + buyerWelfare;

    /// <summary>W_n = pair / W_max, or 1 for every pair when W_max = 0.</summary>
    public static double Normalised(double pairWelfare, double maxPairWelfare) => maxPairWelfare == 0 ? 1.0 : pairWelfare / maxPairWelfare;
}
