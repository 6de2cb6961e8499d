using System.CommandLine;

namespace EnergyAuction.Cli.Commands.Wallet;

/// <summary>`energy wallet ...`: the household's keys, as keystore files in a per-user folder.</summary>
public sealed class WalletCommandGroup : ICommandGroup
{
    public Command Build(CliContext context)
    {
        var wallet = new Command("wallet", "Create, import and list wallets (Web3 Secret Storage keystores)");
        wallet.Add(WalletNewCommand.Build(context));
        wallet.Add(WalletImportCommand.Build(context));
        wallet.Add(WalletListCommand.Build(context));
        wallet.Add(WalletShowCommand.Build(context));
        wallet.Add(WalletDefaultCommand.Build(context));
        return wallet;
    }
}
