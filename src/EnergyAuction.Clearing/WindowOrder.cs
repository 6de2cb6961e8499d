using EnergyAuction.Chain;

namespace EnergyAuction.Clearing;

/// <summary>One valid order of a window with its meter's feeder bus and owner (from DataAccess).</summary>
public sealed record WindowOrder(ulong OrderId, OrderInfo Order, uint Bus, string MeterOwner);
