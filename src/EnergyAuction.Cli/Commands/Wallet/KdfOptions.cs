using System.CommandLine;
using EnergyAuction.Chain.KeyStore;

namespace EnergyAuction.Cli.Commands.Wallet;

/// <summary>The scrypt cost of a new keystore. The default is geth's standard; tests and demos may lower it
/// (the keystore records its own cost, so any wallet opens the same way).</summary>
public static class KdfOptions
{
    public const int StandardScryptN = 262_144;

    public static Option<int> ScryptN() => new("--scrypt-n")
    {
        Description = $"scrypt cost N, a power of two (default {StandardScryptN}; lower only for throwaway test wallets)",
        DefaultValueFactory = _ => StandardScryptN,
        Validators =
        {
            r =>
            {
                var n = r.GetValueOrDefault<int>();
                if (n < 2 || (n & (n - 1)) != 0)
                    r.AddError($"--scrypt-n {n} is not a power of two of at least 2");
            },
        },
    };

    public static Keystore Service(int scryptN) => new(scryptN: scryptN);
}
