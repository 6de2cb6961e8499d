using System.Numerics;

namespace EnergyAuction.Chain;

/// <summary>
/// IEnergyTrade.WindowView: a window's parameters, phase, deadlines (unix seconds) and clearing state.
/// <see cref="ReleasedOrders"/> counts the orders whose deposits closeWindow/cancelWindow have returned so far
/// (both work in batches); it equals <see cref="OrderCount"/> once a Closed or Cancelled window is wound up.
/// </summary>
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
    byte[] ResultHash,
    ulong ReleasedOrders);
