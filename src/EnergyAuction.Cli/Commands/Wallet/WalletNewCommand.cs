using System.CommandLine;
using EnergyAuction.Cli.Wallet;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Cli.Commands.Wallet;

/// <summary>`energy wallet new [--name NAME]`: a fresh key, encrypted with a password from the prompt or $ENERGY_PASSWORD_FILE.</summary>
public static class WalletNewCommand
{
    public static Command Build(CliContext context)
    {
        var name = new Option<string?>("--name") { Description = "Name of the wallet (default: wallet1, wallet2, ...)" };
        var scryptN = KdfOptions.ScryptN();
        var command = new Command("new", "Create a wallet: a new key in an encrypted keystore file\n\nExample:\n  energy wallet new --name home")
        {
            name, scryptN, SharedOptions.KeystoreDir,
        };
        command.SetAction(parseResult =>
        {
            var directory = KeystoreDirectory.From(parseResult);
            var walletName = parseResult.GetValue(name) ?? directory.NextName();
            var password = PasswordSource.ForNewWallet(context.Input);
            var key = AccountKey.GenerateNew();
            var json = KdfOptions.Service(parseResult.GetValue(scryptN)).EncryptAndSerialize(key, password);
            var wallet = directory.Save(walletName, key.Address, json);
            WalletOutput.Print(context.For(parseResult), wallet, "created wallet");
            return ExitCodes.Success;
        });
        return command;
    }
}
