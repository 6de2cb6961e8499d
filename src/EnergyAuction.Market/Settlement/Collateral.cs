using System.Numerics;

namespace EnergyAuction.Market.Settlement;

/// <summary>MARKET.md "Settlement": what an offer posts as collateral, cost(E, π).</summary>
public static class Collateral
{
    public static BigInteger ForOffer(long energyWh, BigInteger penaltyWeiPerKwh) => Money.Cost(energyWh, penaltyWeiPerKwh);
}
