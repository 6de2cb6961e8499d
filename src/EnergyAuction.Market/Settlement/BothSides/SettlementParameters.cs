using System.Numerics;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// A window's settlement parameters (MARKET.md "Settlement"): grid charge C_d (wei per kWh per km), maximum feeder
/// distance L (metres), penalty rate π (wei per kWh not delivered or not taken) and order fee f (wei per order).
/// </summary>
public sealed record SettlementParameters(BigInteger GridCharge, long MaxDistanceM, BigInteger PenaltyRate, BigInteger OrderFee);
