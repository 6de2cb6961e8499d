using System.Numerics;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// MARKET.md "Pairing" welfare, linear special case, in wei:
/// W_s = (p0 - P(s)) * E'(s) / 1000 and W_b = (P(b) - p0) * E(b) / 1000 (integer division).
/// </summary>
public static class Welfare
{
    public static BigInteger OfSeller(BigInteger p0, BigInteger offerPrice, long allocatedWh) =>
        (p0 - offerPrice) * allocatedWh / Money.WhPerKwh;

    public static BigInteger OfBuyer(BigInteger p0, BigInteger bidPrice, long allocatedWh) =>
        (bidPrice - p0) * allocatedWh / Money.WhPerKwh;
}
