using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>When anyone may cancel a window (EnergyTrade.cancelWindow): once the operator has missed the matching deadline
/// by the window's grace period. A window whose clearing is final is never cancelled; anyone settles it after its
/// settlement deadline instead (`energy window settle`).</summary>
public static class CancelWindow
{
    /// <summary>The chain time after which the window may be cancelled; null when it never can be (cleared or over).</summary>
    public static ulong? AllowedAfter(WindowInfo info) => info.Phase switch
    {
        WindowPhase.BiddingOffering or WindowPhase.Matching => info.MatchingDeadline + info.Params.GracePeriod,
        _ => null,
    };

    /// <summary>What `window status` says about cancelling: from when, or that it may be cancelled now.</summary>
    public static string? Describe(ulong windowId, WindowInfo info, ulong chainTime) => AllowedAfter(info) switch
    {
        null when info.Phase == WindowPhase.Cancelled && info.ReleasedOrders < info.OrderCount =>
            $"cancelled; {Plural.Of(info.OrderCount - info.ReleasedOrders, "deposit")} still to return: `energy window cancel {windowId}` returns them",
        null when info.Phase is WindowPhase.EnergyTransfer or WindowPhase.Settlement => chainTime >= info.SettlementDeadline
            ? $"cleared, so never cancelled: anyone may settle and close it with `energy window settle {windowId}`"
            : $"cleared, so never cancelled: if the operator has not settled it by {Clock.Utc(info.SettlementDeadline)} (in {Durations.Format(info.SettlementDeadline - chainTime)}), anyone settles it with `energy window settle {windowId}`",
        null => null,
        { } after when chainTime >= after => $"the operator missed its deadline: anyone may cancel with `energy window cancel {windowId}`",
        { } after => $"possible from {Clock.Utc(after + 1)} (in {Durations.Format(after + 1 - chainTime)}) if the operator has not moved on by then",
    };
}
