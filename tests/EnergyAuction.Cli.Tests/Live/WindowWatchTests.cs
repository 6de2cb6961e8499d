using Spectre.Console;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>`window status --watch`: on a terminal a live view redrawn in place until the window is over; without one,
/// a line per change with the counts in the right number.</summary>
public class WindowWatchTests
{
    [Test]
    public async Task OnATerminalTheWatchIsALiveViewRedrawnInPlaceAndElsewhereOneLinePerChange()
    {
        var buyer = await Household.CreateAsync("watcher", bus: 47);
        var window = await Energy.OpenWindowAsync(buyer.Address);
        await Energy.Ok("bid", "--kwh", "1", "--max-price", "60000gwei", "--meter", buyer.Meter, "--yes", "--from", buyer.Name);
        var screen = new StringWriter();
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.Yes, Out = new AnsiConsoleOutput(screen),
        });
        var lines = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var live = EnergyCli.RunAsync(["window", "status", window.ToString(), "--watch", "--interval", "1s"],
            new CliContext(new StringWriter(), new StringWriter(), ScriptedInput.None, terminal), stop.Token);
        var plain = EnergyCli.RunAsync(["window", "status", window.ToString(), "--watch", "--interval", "1s"], lines, new StringWriter(), ScriptedInput.None, stop.Token);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var info = await LiveMarket.Operator.Trade.GetWindowAsync(window);
        var now = await LiveMarket.Node.LatestTimestampAsync();
        await LiveMarket.Node.IncreaseTimeAsync((long)(info.MatchingDeadline + info.Params.GracePeriod - now) + 1);
        await Energy.Ok("window", "cancel", window.ToString(), "--from", buyer.Name);

        Assert.That(await live, Is.Zero);
        Assert.That(await plain, Is.Zero);
        var drawn = screen.ToString();
        Assert.That(drawn, Does.Contain($"window {window} (dpda)").And.Contain("BiddingOffering (ends in ").And.Contain("0 offers, 1 bid (valid 1)")
            .And.Contain("Cancelled"), drawn);
        Assert.That(drawn, Does.Contain("\u001b[").And.Contain("A"), "the view moves the cursor back up to redraw itself");
        Assert.That(lines.ToString(), Does.StartWith($"window {window}: BiddingOffering; 0 offers, 1 bid (valid 1) (ends in ")
            .And.Contain($"window {window}: Cancelled; 0 offers, 1 bid (refunded 1) (window over)"), lines.ToString());
    }
}
