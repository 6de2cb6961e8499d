using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>When anyone may cancel a window (EnergyTrade.cancelWindow): once the operator has missed the deadline that
/// guards the escrow by the window's grace period: the matching deadline before clearing is final, the settlement
/// deadline after.</summary>
public static class CancelWindow
{
    /// <summary>The chain time after which the window may be cancelled; null when it never can be (over already).</summary>
    public static ulong? AllowedAfter(WindowInfo info) => info.Phase switch
    {
        WindowPhase.BiddingOffering or WindowPhase.Matching => info.MatchingDeadline + info.Params.GracePeriod,
        WindowPhase.EnergyTransfer or WindowPhase.Settlement => info.SettlementDeadline + info.Params.GracePeriod,
        _ => null,
    };

    /// <summary>What `window status` says about cancelling: from when, or that it may be cancelled now.</summary>
    public static string? Describe(ulong windowId, WindowInfo info, ulong chainTime) => AllowedAfter(info) switch
    {
        null when info.Phase == WindowPhase.Cancelled && info.ReleasedOrders < info.OrderCount =>
            $"cancelled; {Plural.Of(info.OrderCount - info.ReleasedOrders, "deposit")} still to return: `energy window cancel {windowId}` returns them",
        null => null,
        { } after when chainTime >= after => $"the operator missed its deadline: anyone may cancel with `energy window cancel {windowId}`",
        { } after => $"possible from {Clock.Utc(after + 1)} (in {Durations.Format(after + 1 - chainTime)}) if the operator has not moved on by then",
    };
}
