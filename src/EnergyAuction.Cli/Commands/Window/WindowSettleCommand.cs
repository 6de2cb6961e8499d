using System.CommandLine;
using EnergyAuction.Chain;
using EnergyAuction.Cli.Connection;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>`energy window settle N`: anyone finishes a cleared window its operator abandoned. A window whose clearing is
/// final is never cancelled (its sellers delivered against it): after its settlement deadline any wallet moves it to
/// Settlement, settles every bid left (a missing reading, on either side, counts against its owner) and closes it.</summary>
public static class WindowSettleCommand
{
    // Bids per settle transaction: a bid settles up to MAX_MATCHES_PER_BID matches, so keep batches small.
    private const int BidsPerTransaction = 20;

    public static Command Build(CliContext context) => SilentOperatorCommand.Build(context, "settle",
        "Settle and close a cleared window whose operator stopped: after its settlement deadline, every bid left is settled "
        + "(a missing reading counts against its owner), every deposit left becomes withdrawable\n\n"
        + "Example:\n  energy window settle 3 --from home",
        RequireSettleableAsync,
        async (parseResult, market, windowId) =>
        {
            var trade = market.Trade;
            if ((await trade.GetWindowAsync(windowId)).Phase == WindowPhase.EnergyTransfer)
                await trade.AdvancePhaseAsync(windowId);
            var ids = await trade.GetWindowOrderIdsAsync(windowId);
            var unsettled = ids.Zip(await trade.GetOrdersAsync(ids))
                .Where(o => o.Second.Side == OrderSide.Bid && o.Second.Status == OrderStatus.Matched).Select(o => o.First).ToList();
            foreach (var batch in unsettled.Chunk(BidsPerTransaction))
                await trade.SettleAsync(windowId, batch);
            var perCall = await trade.MaxOrdersPerReleaseAsync();
            var transactions = 0;
            while ((await trade.GetWindowAsync(windowId)).Phase != WindowPhase.Closed && transactions++ < 1_000)
                await trade.CloseWindowAsync(windowId, perCall);

            var info = await trade.GetWindowAsync(windowId);
            var text = $"settled window {windowId}: {Plural.Of((ulong)unsettled.Count, "bid")} settled, missing readings counted against their owners; "
                + $"window {info.Phase.ToString().ToLowerInvariant()}, every payout and deposit is withdrawable by its owner (`energy withdraw`)";
            context.For(parseResult).WriteResult(text, json =>
            {
                json.WriteNumber("window", windowId);
                json.WriteString("phase", info.Phase.ToString());
                json.WriteNumber("settledBids", unsettled.Count);
            });
        });

    // Said before anything is signed, in the market's words.
    private static async Task RequireSettleableAsync(MarketClient market, ulong windowId, WindowInfo info)
    {
        switch (info.Phase)
        {
            case WindowPhase.Closed:
                throw CliException.Failure($"window {windowId} is closed: it is settled already; `energy withdraw` takes what it owes you");
            case WindowPhase.Cancelled:
                throw CliException.Failure($"window {windowId} was cancelled before its clearing was final: nothing to settle; `energy window cancel {windowId}` returns any deposit left");
            case WindowPhase.BiddingOffering or WindowPhase.Matching:
                throw CliException.Failure($"window {windowId} is in {info.Phase}: it has no final clearing to settle; if its operator missed the matching deadline, `energy window cancel {windowId}` returns every deposit");
        }
        var now = await MarketConnection.ChainTimeAsync(market);
        if (now < info.SettlementDeadline)
            throw CliException.Failure(
                $"window {windowId} cannot be settled by anyone yet: its operator has until {Clock.Utc(info.SettlementDeadline)} "
                + $"(in {Durations.Format(info.SettlementDeadline - now)}) to report the readings; `energy window status {windowId}` shows when");
    }
}
