using System.CommandLine;
using EnergyAuction.Cli.Connection;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>`energy window status [N] [--watch]`: a window's phase, deadline countdown (chain time) and order counts;
/// with --watch, a live view on a terminal (one line per change otherwise) until the window is closed or cancelled.</summary>
public static class WindowStatusCommand
{
    public static Command Build(CliContext context)
    {
        var window = new Argument<ulong?>("N") { Description = "Window id (default: the newest window)", Arity = ArgumentArity.ZeroOrOne };
        var watch = new Option<bool>("--watch") { Description = "Follow the window until it closes: a live view on a terminal, one line per change otherwise" };
        var interval = Durations.Option("--interval", "How often --watch polls the chain", "2s");
        var command = new Command("status", "Show a window's phase, deadline and orders\n\nExample:\n  energy window status --watch")
        {
            window, watch, interval, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            using var market = await MarketConnection.OpenAsync(parseResult);
            var windowId = parseResult.GetValue(window) ?? await WindowChoice.LatestAsync(market);
            var output = context.For(parseResult);
            var snapshot = await WindowSnapshot.ReadAsync(market, windowId);
            if (!parseResult.GetValue(watch))
            {
                if (output.Json)
                    output.WriteJson(snapshot.WriteJson);
                else
                    snapshot.WriteText(output);
                return ExitCodes.Success;
            }

            var pause = TimeSpan.FromSeconds(parseResult.GetValue(interval));
            return context.Terminal is { } terminal && !output.Json
                ? await WindowWatch.LiveAsync(market, snapshot, terminal, pause, cancellationToken)
                : await WindowWatch.LinesAsync(market, snapshot, output, pause, cancellationToken);
        });
        return command;
    }
}
