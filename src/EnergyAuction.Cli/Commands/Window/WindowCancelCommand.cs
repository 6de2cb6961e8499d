using System.CommandLine;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Cli.Connection;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>`energy window cancel N`: anyone's escape hatch when the operator has gone silent before clearing is final.
/// Once the window's grace period after the missed matching deadline has passed, any wallet cancels it and every escrow and collateral becomes
/// withdrawable; a later call returns the deposits the first one's batch did not reach.</summary>
public static class WindowCancelCommand
{
    public static Command Build(CliContext context) => SilentOperatorCommand.Build(context, "cancel",
        "Cancel a window whose operator missed its deadline by more than the grace period; every deposit becomes withdrawable\n\n"
        + "Example:\n  energy window cancel 3 --from home",
        RequireCancellableAsync,
        async (parseResult, market, windowId) =>
        {
            var receipt = await market.Trade.CancelWindowAsync(windowId, await market.Trade.MaxOrdersPerReleaseAsync());
            var info = await market.Trade.GetWindowAsync(windowId);
            var left = info.OrderCount - info.ReleasedOrders;
            var text = left == 0
                ? $"cancelled window {windowId}: the deposits of its {Plural.Of(info.OrderCount, "order")} are withdrawable by their owners (`energy withdraw`)"
                : $"cancelled window {windowId}: {info.ReleasedOrders} of {Plural.Of(info.OrderCount, "deposit")} returned; run `energy window cancel {windowId}` again for the rest";
            context.For(parseResult).WriteResult(text, json =>
            {
                json.WriteNumber("window", windowId);
                json.WriteString("phase", info.Phase.ToString());
                json.WriteNumber("orders", info.OrderCount);
                json.WriteNumber("releasedOrders", info.ReleasedOrders);
                json.WriteBoolean("cancelledByThisCall", market.Trade.DecodeEvents<WindowCancelledEvent>(receipt).Count > 0);
                json.WriteString("transaction", receipt.TransactionHash);
            });
        });

    // Said before anything is signed, in the market's words, instead of the contract's NotCancellable(id, phase, time).
    private static async Task RequireCancellableAsync(MarketClient market, ulong windowId, WindowInfo info)
    {
        if (info.Phase == WindowPhase.Closed)
            throw CliException.Failure($"window {windowId} is closed: it settled normally and has nothing to cancel; `energy withdraw` takes what it owes you");
        if (info.Phase == WindowPhase.Cancelled)
        {
            if (info.ReleasedOrders == info.OrderCount)
                throw CliException.Failure($"window {windowId} is cancelled already and every deposit is withdrawable (`energy withdraw`)");
            return;
        }

        if (CancelWindow.AllowedAfter(info) is not { } after)
            throw CliException.Failure(
                $"window {windowId} is in {info.Phase}: its clearing is final, so it can only be settled, never cancelled (its sellers delivered against it); "
                + $"after its settlement deadline anyone settles it with `energy window settle {windowId}`");
        var now = await MarketConnection.ChainTimeAsync(market);
        if (now < after)
            throw CliException.Failure(
                $"window {windowId} cannot be cancelled yet: it is in {info.Phase} and its operator has until {Clock.Utc(after)} "
                + $"(in {Durations.Format(after - now)}, the deadline plus the {Durations.Format(info.Params.GracePeriod)} grace period); `energy window status {windowId}` shows when");
    }
}
