using System.Numerics;

namespace EnergyAuction.Chain;

/// <summary>EnergyTrade's hard limits (its MAX_* constants): what window parameters, orders and clearings must stay within.</summary>
public sealed record MarketLimits(ulong MaxEnergyWh, uint MaxDistanceM, BigInteger MaxPrice, uint MaxMatchesPerBid);
