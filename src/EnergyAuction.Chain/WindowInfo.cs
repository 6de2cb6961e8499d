using System.Numerics;

namespace EnergyAuction.Chain;

/// <summary>IEnergyTrade.WindowView: a window's parameters, phase, deadlines (unix seconds) and clearing state.</summary>
public sealed record WindowInfo(
    WindowParams Params,
    WindowPhase Phase,
    ulong BiddingDeadline,
    ulong MatchingDeadline,
    ulong TransferDeadline,
    ulong SettlementDeadline,
    ulong OrderCount,
    ulong MatchCount,
    ulong UnsettledBids,
    BigInteger Price,
    byte[] ResultHash);
