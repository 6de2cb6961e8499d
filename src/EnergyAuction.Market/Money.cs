using System.Numerics;

namespace EnergyAuction.Market;

/// <summary>MARKET.md "Units": money for an amount of energy.</summary>
public static class Money
{
    public const int WhPerKwh = 1000;

    /// <summary>cost(E, p) = E * p / 1000, rounded down: wei for <paramref name="energyWh"/> at <paramref name="weiPerKwh"/>.</summary>
    public static BigInteger Cost(long energyWh, BigInteger weiPerKwh) => energyWh * weiPerKwh / WhPerKwh;
}
