using System.Numerics;

namespace EnergyAuction.Market.Settlement;

/// <summary>
/// A window's settlement parameters: C_d (grid charge, wei per kWh per km), L (maximum feeder
/// distance, metres) and π (penalty, wei per kWh undelivered; may be 0).
/// </summary>
public sealed record WindowParameters(BigInteger GridChargeWeiPerKwhPerKm, long MaxDistanceM, BigInteger PenaltyWeiPerKwh);
