using System.CommandLine;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Wallet;

/// <summary>`energy wallet default [NAME]`: choose the wallet that signs when --from is not given, or show which one does.</summary>
public static class WalletDefaultCommand
{
    public static Command Build(CliContext context)
    {
        var name = new Argument<string?>("NAME") { Description = "The wallet to make the default (omit to show the current one)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("default", "Choose the wallet used when --from is not given, or show it\n\nExample:\n  energy wallet default home")
        {
            name, SharedOptions.KeystoreDir,
        };
        command.SetAction(parseResult =>
        {
            var directory = KeystoreDirectory.From(parseResult);
            var output = context.For(parseResult);
            if (parseResult.GetValue(name) is not { } chosen)
            {
                var current = directory.Default() ?? (directory.List() is [var only] ? only : null);
                if (current is null)
                    throw CliException.Failure($"no default wallet in {directory.Path}: choose one with `energy wallet default NAME`");
                WalletOutput.Print(output, current, directory.Default() is null ? "the only wallet (used without --from)" : "the default wallet");
                return ExitCodes.Success;
            }

            var wallet = directory.Find(chosen);
            WalletDefault.Write(directory.Path, wallet.Name);
            WalletOutput.Print(output, wallet, $"wallet {wallet.Name} is now the default (used without --from)");
            return ExitCodes.Success;
        });
        return command;
    }
}
