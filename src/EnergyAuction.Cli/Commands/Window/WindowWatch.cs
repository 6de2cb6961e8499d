using EnergyAuction.Chain;
using EnergyAuction.Cli.Output;
using Spectre.Console;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>`window status --watch`: follows a window until it is closed or cancelled. On a terminal a live view redrawn
/// in place; otherwise (a pipe, a log, --json) one line or JSON document per change, so scripts see only news.</summary>
public static class WindowWatch
{
    public static async Task<int> LiveAsync(MarketClient market, WindowSnapshot first, IAnsiConsole terminal, TimeSpan pause, CancellationToken cancellationToken)
    {
        var snapshot = first;
        await terminal.Live(WindowLiveView.Render(snapshot)).StartAsync(async live =>
        {
            while (!snapshot.IsOver)
            {
                await Task.Delay(pause, cancellationToken);
                snapshot = await WindowSnapshot.ReadAsync(market, snapshot.WindowId);
                live.UpdateTarget(WindowLiveView.Render(snapshot));
                live.Refresh();
            }
        });
        return ExitCodes.Success;
    }

    public static async Task<int> LinesAsync(MarketClient market, WindowSnapshot first, CommandOutput output, TimeSpan pause, CancellationToken cancellationToken)
    {
        var snapshot = first;
        string? last = null;
        while (true)
        {
            if (snapshot.Summary != last)
            {
                if (output.Json)
                    output.WriteJson(snapshot.WriteJson);
                else
                    output.WriteLine($"{snapshot.Summary} ({snapshot.Countdown})");
                last = snapshot.Summary;
            }

            if (snapshot.IsOver)
                return ExitCodes.Success;
            await Task.Delay(pause, cancellationToken);
            snapshot = await WindowSnapshot.ReadAsync(market, snapshot.WindowId);
        }
    }
}
