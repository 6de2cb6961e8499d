using System.Numerics;

namespace EnergyAuction.Market;

/// <summary>
/// One offer (sell) or bid (buy): energy in Wh, price in wei per kWh (minimum for an offer,
/// maximum for a bid), and <paramref name="Seq"/>, the submission order that breaks every tie.
/// </summary>
public sealed record Order(string Id, long EnergyWh, BigInteger Price, long Seq);
