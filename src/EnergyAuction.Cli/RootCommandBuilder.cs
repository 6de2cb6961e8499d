using System.CommandLine;
using EnergyAuction.Cli.Commands.Account;
using EnergyAuction.Cli.Commands.Deploy;
using EnergyAuction.Cli.Commands.Market;
using EnergyAuction.Cli.Commands.Meter;
using EnergyAuction.Cli.Commands.Registry;
using EnergyAuction.Cli.Commands.Trading;
using EnergyAuction.Cli.Commands.Wallet;
using EnergyAuction.Cli.Commands.Window;

namespace EnergyAuction.Cli;

/// <summary>Builds `energy`: the shared options and one command per registered group.</summary>
public static class RootCommandBuilder
{
    /// <summary>Every command group of the tool; a new group is one more entry here.</summary>
    public static IReadOnlyList<ICommandGroup> Groups { get; } =
    [
        new WalletCommandGroup(),
        new SingleCommandGroup(BalanceCommand.Build),
        new SingleCommandGroup(SendCommand.Build),
        new SingleCommandGroup(WithdrawCommand.Build),
        new MeterCommandGroup(),
        new RegistryCommandGroup(),
        new SingleCommandGroup(OfferCommand.Build),
        new SingleCommandGroup(BidCommand.Build),
        new SingleCommandGroup(CancelCommand.Build),
        new SingleCommandGroup(OrdersCommand.Build),
        new WindowCommandGroup(),
        new SingleCommandGroup(TradesCommand.Build),
        new MarketCommandGroup(),
        new SingleCommandGroup(DeployCommand.Build),
    ];

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("energy: the EnergyAuction prosumer wallet and market-operator tool");
        root.Add(SharedOptions.Json);
        root.Add(SharedOptions.Verbose);
        foreach (var group in Groups)
            root.Add(group.Build(context));
        return root;
    }
}
