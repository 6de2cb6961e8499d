using System.CommandLine;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.KeyStore;

namespace EnergyAuction.Cli.Wallet;

/// <summary>The signing key of the wallet chosen with --from (or the only/first one, said on stderr).</summary>
public static class WalletUnlock
{
    public static (WalletEntry Wallet, AccountKey Key) Unlock(CliContext context, ParseResult parseResult) =>
        Unlock(context, Choose(context, parseResult));

    /// <summary>The key of a wallet already chosen (the password is asked for here, after any checks that need none).</summary>
    public static (WalletEntry Wallet, AccountKey Key) Unlock(CliContext context, WalletEntry wallet)
    {
        PrivateFile.Require(wallet.Path, "keystore");
        var password = PasswordSource.ForUnlocking(context.Input, wallet);
        try
        {
            return (wallet, new Keystore().DecryptKey(File.ReadAllText(wallet.Path), password));
        }
        catch (WrongPasswordException e)
        {
            throw CliException.Failure($"wrong password for wallet {wallet.Name} ({wallet.Address}); nothing was sent, try again", e);
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or System.Text.Json.JsonException or KeyNotFoundException)
        {
            throw CliException.Failure($"{wallet.Path} is not a usable keystore: {e.Message}", e);
        }
    }

    /// <summary>The wallet named by --from, else the default or the only one (said on stderr so nobody signs by surprise).</summary>
    public static WalletEntry Choose(CliContext context, ParseResult parseResult)
    {
        var from = parseResult.GetValue(SharedOptions.From);
        var directory = KeystoreDirectory.From(parseResult);
        var wallet = directory.Find(from);
        if (from is null)
            context.Note($"using {(directory.Default() == wallet ? "the default wallet" : "wallet")} {wallet.Name} ({wallet.Address}); choose another with --from");
        return wallet;
    }
}
