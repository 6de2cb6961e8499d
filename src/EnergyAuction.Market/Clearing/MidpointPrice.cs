using System.Numerics;

namespace EnergyAuction.Market.Clearing;

/// <summary>floor((a + b) / 2): the price rule shared by the McAfee test, trade reduction and uniform pricing.</summary>
internal static class MidpointPrice
{
    public static BigInteger Of(BigInteger a, BigInteger b) => (a + b) / 2;
}
