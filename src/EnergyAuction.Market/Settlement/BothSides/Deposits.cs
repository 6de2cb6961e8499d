using System.Numerics;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>MARKET.md "Settlement", Deposits: what an order locks when it is placed (the order fee f comes on top).</summary>
public static class Deposits
{
    /// <summary>
    /// cost(E_b, P_b) + E_b * C_d * L / (2 * 1000 * 1000) + cost(E_b, π): the bid's maximum price, the largest grid-fee
    /// half it can owe, and its own penalty collateral.
    /// </summary>
    public static BigInteger ForBid(long energyWh, BigInteger bidPrice, SettlementParameters parameters) =>
        Money.Cost(energyWh, bidPrice)
        + energyWh * parameters.GridCharge * parameters.MaxDistanceM / (2 * FeeHalf.WhMetresPerKwhKm)
        + Money.Cost(energyWh, parameters.PenaltyRate);

    /// <summary>cost(E_s, π): the offer's penalty collateral.</summary>
    public static BigInteger ForOffer(long energyWh, SettlementParameters parameters) => Money.Cost(energyWh, parameters.PenaltyRate);
}
