using System.Numerics;
using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// A window's rules for clearing and pairing: its mechanism, grid charge C_d (wei per kWh per km), maximum distance L
/// (metres) and the cap on matches per bid (the contract's, <see cref="MarketLimits.MaxMatchesPerBid"/> by default).
/// </summary>
public sealed record PairingParameters(Mechanism Mechanism, BigInteger GridCharge, long MaxDistanceM, int MaxMatchesPerBid = MarketLimits.MaxMatchesPerBid);
