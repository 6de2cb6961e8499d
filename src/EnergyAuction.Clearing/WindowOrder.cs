using EnergyAuction.Chain;

namespace EnergyAuction.Clearing;

/// <summary>One valid order of a window with the feeder bus of its meter (from DataAccess).</summary>
public sealed record WindowOrder(ulong OrderId, OrderInfo Order, uint Bus);
