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
            var corrupt = directory.Corrupt();
            var chosen = directory.Default()?.Name ?? (wallets.Count == 1 ? wallets[0].Name : null);
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
                        json.WriteBoolean("default", w.Name == chosen);
                        json.WriteEndObject();
                    }

                    foreach (var c in corrupt)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", c.Name);
                        json.WriteString("path", c.Path);
                        json.WriteString("corrupt", c.Problem);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            if (wallets.Count == 0 && corrupt.Count == 0)
            {
                output.WriteLine($"no wallets in {directory.Path}; create one with `energy wallet new`");
                return ExitCodes.Success;
            }

            var table = new Table("name", "address", "default", "file");
            foreach (var w in wallets)
                table.Add(w.Name, w.Address, w.Name == chosen ? "yes" : "", w.Path);
            foreach (var c in corrupt)
                table.Add(c.Name, $"corrupt: {c.Problem}", "", c.Path);
            output.WriteTable(table);
            if (chosen is null && wallets.Count > 1)
                context.Note("no default wallet: commands need --from NAME, or choose one with `energy wallet default NAME`");
            return ExitCodes.Success;
        });
        return command;
    }
}
