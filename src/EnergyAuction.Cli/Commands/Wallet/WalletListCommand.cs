using System.CommandLine;
using EnergyAuction.Cli.Output;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Wallet;

/// <summary>`energy wallet list`: every wallet in the keystore folder (no password needed).</summary>
public static class WalletListCommand
{
    public static Command Build(CliContext context)
    {
        var command = new Command("list", "List the wallets in the keystore folder\n\nExample:\n  energy wallet list --json") { SharedOptions.KeystoreDir };
        command.SetAction(parseResult =>
        {
            var directory = KeystoreDirectory.From(parseResult);
            var wallets = directory.List();
            var output = context.For(parseResult);
            if (output.Json)
            {
                output.WriteJson(json =>
                {
                    json.WriteStartArray();
                    foreach (var w in wallets)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", w.Name);
                        json.WriteString("address", w.Address);
                        json.WriteString("path", w.Path);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            if (wallets.Count == 0)
            {
                output.WriteLine($"no wallets in {directory.Path}; create one with `energy wallet new`");
                return ExitCodes.Success;
            }

            var table = new Table("name", "address", "file");
            foreach (var w in wallets)
                table.Add(w.Name, w.Address, w.Path);
            output.WriteTable(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
