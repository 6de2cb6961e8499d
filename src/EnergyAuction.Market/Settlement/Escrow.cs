using System.Numerics;

namespace EnergyAuction.Market.Settlement;

/// <summary>MARKET.md "Settlement": what a bid escrows when it is placed.</summary>
public static class Escrow
{
    /// <summary>cost(E, P) + E * C_d * L / (2 * 1000 * 1000), rounded down: its maximum price plus the largest grid-fee half it can owe.</summary>
    public static BigInteger ForBid(long energyWh, BigInteger bidPrice, BigInteger gridChargeWeiPerKwhPerKm, long maxDistanceM) =>
        Money.Cost(energyWh, bidPrice) + energyWh * gridChargeWeiPerKwhPerKm * maxDistanceM / (2 * GridFee.WhKmDivisor);
}
