using System.CommandLine;
using EnergyAuction.Chain;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>What `energy orders` and `energy trades` share: an optional --window, a read-only market connection and
/// the chosen wallet's orders read from the chain; each command lists them its own way.</summary>
public static class MyOrdersListing
{
    public delegate Task ListAsync(MarketClient market, IReadOnlyList<MyOrders.Placed> orders, CommandOutput output);

    public static Command Build(CliContext context, string name, string description, string windowDescription, ListAsync list)
    {
        var window = new Option<ulong?>("--window") { Description = windowDescription };
        var command = new Command(name, description)
        {
            window, SharedOptions.From, SharedOptions.KeystoreDir, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, _) =>
        {
            var wallet = WalletUnlock.Choose(context, parseResult);
            using var market = await MarketConnection.OpenAsync(parseResult);
            var orders = await MyOrders.ReadAsync(market, wallet.Address, parseResult.GetValue(window));
            await list(market, orders, context.For(parseResult));
            return ExitCodes.Success;
        });
        return command;
    }
}
