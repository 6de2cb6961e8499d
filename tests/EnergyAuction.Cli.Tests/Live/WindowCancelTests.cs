using System.Numerics;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>`energy window cancel`: the escape hatch anyone uses when the operator goes silent. `window status` says from
/// when it opens; before that the command refuses with the time; after it any wallet cancels and deposits are withdrawable.</summary>
public class WindowCancelTests
{
    [Test]
    public async Task AStalledWindowIsCancelledByAnyoneOnceTheGracePeriodHasPassed()
    {
        var buyer = await Household.CreateAsync("stalled", bus: 47);
        var stranger = await Household.CreateAsync("rescuer", bus: 34, grant: false);
        var window = await Energy.OpenWindowAsync(buyer.Address);
        var bid = (await Energy.Ok("bid", "--kwh", "2", "--max-price", "60000gwei", "--meter", buyer.Meter, "--yes", "--from", buyer.Name, "--json")).Json;
        var status = await Energy.Ok("window", "status", window.ToString());
        var early = await CliRun.Of("window", "cancel", window.ToString(), "--from", stranger.Name);

        var info = await LiveMarket.Operator.Trade.GetWindowAsync(window);
        var now = await LiveMarket.Node.LatestTimestampAsync();
        await LiveMarket.Node.IncreaseTimeAsync((long)(info.MatchingDeadline + info.Params.GracePeriod - now) + 1);
        var stalled = await Energy.Ok("window", "status", window.ToString());
        var cancelled = await Energy.Ok("window", "cancel", window.ToString(), "--from", stranger.Name);
        var again = await CliRun.Of("window", "cancel", window.ToString(), "--from", stranger.Name);

        Assert.That(status.Out, Does.Match(@"cancel:    possible from \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ \(in (2m 5\d|3m 0)s\) if the operator has not moved on by then"));
        Assert.That(early.ExitCode, Is.EqualTo(1), early.ToString());
        Assert.That(early.Error, Does.StartWith($"error: window {window} cannot be cancelled yet: it is in BiddingOffering and its operator has until ")
            .And.Contain("the deadline plus the 1m 0s grace period"));
        Assert.That(stalled.Out, Does.Contain($"cancel:    the operator missed its deadline: anyone may cancel with `energy window cancel {window}`"));
        Assert.That(cancelled.Out.Trim(), Is.EqualTo($"cancelled window {window}: the deposits of its 1 order are withdrawable by their owners (`energy withdraw`)"));
        Assert.That(again.ExitCode, Is.EqualTo(1));
        Assert.That(again.Error.Trim(), Is.EqualTo($"error: window {window} is cancelled already and every deposit is withdrawable (`energy withdraw`)"));
        var balance = (await Energy.Ok("balance", "--from", buyer.Name, "--json")).Json;
        Assert.That(JsonWei.Of(balance.GetProperty("withdrawableWei")), Is.EqualTo(JsonWei.Of(bid.GetProperty("depositWei"))));
    }

    [Test]
    public async Task AWindowThatDoesNotExistIsABadId()
    {
        var none = await CliRun.Of("window", "cancel", "999999", "--from", "operator");
        var zero = await CliRun.Of("window", "cancel", "0", "--from", "operator");

        Assert.That(none.ExitCode, Is.EqualTo(2), none.ToString());
        Assert.That(none.Error.Trim(), Is.EqualTo("error: window 999999: no such window; `energy window status` shows the newest"));
        Assert.That(zero.ExitCode, Is.EqualTo(2), zero.ToString());
        Assert.That(zero.Error, Does.Contain("\"0\" is not a window id: a window id is a whole number from 1"));
    }
}
