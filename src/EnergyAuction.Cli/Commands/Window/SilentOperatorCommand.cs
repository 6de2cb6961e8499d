using System.CommandLine;
using EnergyAuction.Chain;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>The shape of the window commands anyone runs when the operator has gone silent (`window cancel`, `window
/// settle`): a window id and a wallet; the window must exist and pass the command's own check, said in the market's
/// words before anything is signed; then the command acts with the unlocked wallet.</summary>
internal static class SilentOperatorCommand
{
    public delegate Task CheckAsync(MarketClient market, ulong windowId, WindowInfo window);

    public delegate Task ActAsync(ParseResult parseResult, MarketClient market, ulong windowId);

    public static Command Build(CliContext context, string name, string description, CheckAsync check, ActAsync act)
    {
        var window = Ids.Argument("N", "window", "the window id `energy window status` shows");
        var command = new Command(name, description)
        {
            window, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var windowId = parseResult.GetValue(window);
            var wallet = WalletUnlock.Choose(context, parseResult);
            using var reader = await MarketConnection.OpenAsync(parseResult);
            if (windowId == 0 || windowId > await reader.Trade.WindowCountAsync())
                throw CliException.Usage($"window {windowId}: no such window; `energy window status` shows the newest");
            await check(reader, windowId, await reader.Trade.GetWindowAsync(windowId));

            var (_, key) = WalletUnlock.Unlock(context, wallet);
            using var market = reader.As(key);
            await act(parseResult, market, windowId);
            return ExitCodes.Success;
        });
        return command;
    }
}
