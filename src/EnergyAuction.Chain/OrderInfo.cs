using System.Numerics;

namespace EnergyAuction.Chain;

/// <summary>IEnergyTrade.OrderView: one offer or bid; price in wei per kWh, deposit in wei.</summary>
public sealed record OrderInfo(
    ulong WindowId,
    string Owner,
    byte[] MeterId,
    OrderSide Side,
    ulong EnergyWh,
    BigInteger Price,
    OrderStatus Status,
    ulong MatchedWh,
    BigInteger Deposit)
{
    /// <summary>The meter id as text.</summary>
    public string Meter => Chain.MeterId.FromBytes32(MeterId);
}
