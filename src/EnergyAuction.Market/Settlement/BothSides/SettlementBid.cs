using System.Numerics;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// A bid of the window to settle: its energy E_b (Wh), its maximum price P_b (wei per kWh) and its allocation E'(b)
/// from clearing (0 when it did not win).
/// </summary>
public sealed record SettlementBid(string Id, long EnergyWh, BigInteger Price, long AllocationWh);
