using System.CommandLine;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Wallet;

/// <summary>`energy wallet show [--from NAME|ADDRESS]`: one wallet's name, address and file (no password needed).</summary>
public static class WalletShowCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("show", "Show a wallet's address and keystore file\n\nExample:\n  energy wallet show --from home")
        {
            SharedOptions.From, SharedOptions.KeystoreDir,
        };
        command.SetAction(parseResult =>
        {
            var wallet = KeystoreDirectory.From(parseResult).Find(parseResult.GetValue(SharedOptions.From));
            WalletOutput.Print(context.For(parseResult), wallet);
            return ExitCodes.Success;
        });
        return command;
    }
}
