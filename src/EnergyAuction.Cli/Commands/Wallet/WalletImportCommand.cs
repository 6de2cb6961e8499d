using System.CommandLine;
using EnergyAuction.Cli.Wallet;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Cli.Commands.Wallet;

/// <summary>`energy wallet import --private-key-file F`: an existing key (e.g. a Hardhat dev account) into a keystore.
/// The key comes from a file, never a flag, for the same reason as passwords.</summary>
public static class WalletImportCommand
{
    public static Command Build(CliContext context)
    {
        var keyFile = new Option<string>("--private-key-file")
        {
            Description = "File holding the private key as 64 hex digits (0x optional)",
            Required = true,
        };
        var name = new Option<string?>("--name") { Description = "Name of the wallet (default: wallet1, wallet2, ...)" };
        var scryptN = KdfOptions.ScryptN();
        var command = new Command("import",
            "Import a private key into an encrypted keystore\n\nExample:\n  energy wallet import --private-key-file dev-key.txt --name operator")
        {
            keyFile, name, scryptN, SharedOptions.KeystoreDir,
        };
        command.SetAction(parseResult =>
        {
            var key = ReadKey(parseResult.GetRequiredValue(keyFile));
            var directory = KeystoreDirectory.From(parseResult);
            var walletName = parseResult.GetValue(name) ?? directory.NextName();
            var password = PasswordSource.ForNewWallet(context.Input);
            var json = KdfOptions.Service(parseResult.GetValue(scryptN)).EncryptAndSerialize(key, password);
            var wallet = directory.Save(walletName, key.Address, json);
            WalletOutput.Print(context.For(parseResult), wallet, "imported wallet");
            return ExitCodes.Success;
        });
        return command;
    }

    // No message here repeats what the file holds or what was given as its name: either may be the key itself.
    private static AccountKey ReadKey(string path)
    {
        if (Secrets.LooksLikeKey(path))
            throw CliException.Usage("--private-key-file takes the name of a file holding the key, not the key itself (not shown); "
                + "put the key in a file readable only by you (chmod 600) and pass its name");
        if (!File.Exists(path))
            throw CliException.Usage($"--private-key-file: file {path} does not exist");
        PrivateFile.Require(path, "key file");
        var text = File.ReadAllText(path).Trim();
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text : "0x" + text;
        if (hex.Length != 66 || !HexConvert.IsHex(hex))
            throw CliException.Usage($"--private-key-file: {path} does not hold a private key (expected 64 hex digits, 0x optional)");
        try
        {
            return new AccountKey(hex);
        }
        catch (ArgumentException)
        {
            throw CliException.Usage($"--private-key-file: {path} holds 64 hex digits that are not a valid private key (zero or beyond the curve order)");
        }
    }
}
