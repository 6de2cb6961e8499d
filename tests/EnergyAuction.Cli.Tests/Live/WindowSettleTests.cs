using System.Numerics;
using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>`energy window settle`: a cleared window whose operator went silent is never cancelled (its seller delivered
/// against it); after the settlement deadline anyone settles it, the missing reading counting against its buyer, and the
/// seller is paid.</summary>
public class WindowSettleTests
{
    [Test]
    public async Task AClearedWindowWhoseOperatorStopsIsSettledByAnyoneAndTheSellerIsPaid()
    {
        var seller = await Household.CreateAsync("silent-seller", bus: 34);
        var buyer = await Household.CreateAsync("silent-buyer", bus: 47);
        var stranger = await Household.CreateAsync("settler", bus: 34, grant: false);
        var window = await Energy.OpenWindowAsync(stranger.Address);
        var offer = (await Energy.Ok("offer", "--kwh", "2", "--min-price", "40000gwei", "--meter", seller.Meter, "--yes", "--from", seller.Name, "--json")).Json;
        var bid = (await Energy.Ok("bid", "--kwh", "2", "--max-price", "60000gwei", "--meter", buyer.Meter, "--yes", "--from", buyer.Name, "--json")).Json;
        await OperatorActions.CloseBiddingAsync(window);
        var price = 50_000 * (BigInteger)1_000_000_000;
        // postClearing takes the match's distance from the feeder registry LiveMarket's DSO filled.
        var metres = (uint)(await LiveMarket.Operator.DataAccess.DistanceBetweenAsync(34, 47))!.Value;
        await OperatorActions.PostAsync(window, price, [new ChainMatch(offer.GetProperty("order").GetUInt64(), bid.GetProperty("order").GetUInt64(), 2_000, metres)]);

        var cancel = await CliRun.Of("window", "cancel", window.ToString(), "--from", stranger.Name);
        var early = await CliRun.Of("window", "settle", window.ToString(), "--from", stranger.Name);
        var info = await LiveMarket.Operator.Trade.GetWindowAsync(window);
        // The operator is silent, but the meters are read: the oracle node answers a request anyone made.
        await LiveMarket.Node.IncreaseTimeAsync((long)(info.TransferDeadline - await LiveMarket.Node.LatestTimestampAsync()) + 1);
        await LiveMarket.Operator.Trade.AdvancePhaseAsync(window);
        var (offerId, bidId) = (offer.GetProperty("order").GetUInt64(), bid.GetProperty("order").GetUInt64());
        await OracleNodeReadings.AskAndAnswerAsync(LiveMarket.Operator, window, [offerId, bidId],
            new Dictionary<ulong, BigInteger> { [offerId] = 2_000, [bidId] = 2_000 });
        await LiveMarket.Node.IncreaseTimeAsync((long)(info.SettlementDeadline - await LiveMarket.Node.LatestTimestampAsync()) + 1);
        var status = await Energy.Ok("window", "status", window.ToString());
        var settled = await Energy.Ok("window", "settle", window.ToString(), "--from", stranger.Name);

        Assert.That(cancel.ExitCode, Is.EqualTo(1), cancel.ToString());
        Assert.That(cancel.Error, Does.Contain($"its clearing is final, so it can only be settled, never cancelled").And.Contain($"`energy window settle {window}`"));
        Assert.That(early.ExitCode, Is.EqualTo(1), early.ToString());
        Assert.That(early.Error, Does.StartWith($"error: window {window} cannot be settled by anyone yet: its operator has until "));
        Assert.That(status.Out, Does.Contain($"cleared, so never cancelled: anyone may settle and close it with `energy window settle {window}`"));
        Assert.That(settled.Out.Trim(), Is.EqualTo($"settled window {window}: 1 bid settled, missing readings counted against their owners; window closed, every payout and deposit is withdrawable by its owner (`energy withdraw`)"));
        // The seller gets its collateral back and the 2 kWh at p0, less its half of the grid fee over the feeder distance.
        var feeHalf = 2_000 * info.Params.GridCharge * metres / 2_000_000;
        var withdrawable = await LiveMarket.Operator.Trade.WithdrawableAsync(seller.Address);
        Assert.That(withdrawable, Is.EqualTo(JsonWei.Of(offer.GetProperty("depositWei")) + 2_000 * price / 1_000 - feeHalf));
    }
}
