using System.Numerics;

namespace EnergyAuction.Clearing;

/// <summary>How a comparison names a price (wei/kWh) and an energy (Wh) in the caller's own words.</summary>
/// <param name="Price">Formats a price in wei (the caller appends "/kWh").</param>
/// <param name="Energy">Formats an energy in Wh.</param>
public sealed record ClearingUnits(Func<BigInteger, string> Price, Func<long, string> Energy);
