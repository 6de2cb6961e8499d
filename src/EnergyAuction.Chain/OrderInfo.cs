using System.Numerics;

namespace EnergyAuction.Chain;

/// <summary>IEnergyTrade.OrderView: one offer or bid; price in wei per kWh, deposit in wei (without the order fee, which
/// is never refunded), <see cref="MaxDistanceM"/> the owner's distance preference D in metres (the window's L when the
/// order gave none).</summary>
public sealed record OrderInfo(
    ulong WindowId,
    string Owner,
    byte[] MeterId,
    OrderSide Side,
    ulong EnergyWh,
    BigInteger Price,
    OrderStatus Status,
    ulong MatchedWh,
    BigInteger Deposit,
    uint MaxDistanceM = 0)
{
    /// <summary>The meter id as text.</summary>
    public string Meter => Chain.MeterId.FromBytes32(MeterId);
}
