using System.Text;
using EnergyAuction.Chain.Crypto;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;

namespace EnergyAuction.Chain.KeyStore;

/// <summary>Web3 Secret Storage v3 keystores (scrypt or pbkdf2-hmac-sha256, aes-128-ctr, keccak MAC), as geth,
/// ethers and MetaMask read and write them; Nethereum.KeyStore does the cryptography. Ours on top: passwords are
/// NFKC-normalised (as ethers does, so the same typed password opens the file everywhere) and scrypt is written
/// with r=8, p=1 (Nethereum's default swaps them), the parameters every other wallet uses.</summary>
public sealed class Keystore(int scryptN = 262_144, int scryptR = 8, int scryptP = 1, int pbkdf2Iterations = 262_144)
{
    private const int DerivedKeyLength = 32;

    public string EncryptAndSerialize(AccountKey key, string password, KdfKind kdf = KdfKind.Scrypt)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        var address = key.Address[2..].ToLowerInvariant();
        return kdf == KdfKind.Scrypt
            ? new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(Normalise(password), key.PrivateKey, address,
                new ScryptParams { Dklen = DerivedKeyLength, N = scryptN, R = scryptR, P = scryptP })
            : new KeyStorePbkdf2Service().EncryptAndGenerateKeyStoreAsJson(Normalise(password), key.PrivateKey, address,
                new Pbkdf2Params { Count = pbkdf2Iterations, Dklen = DerivedKeyLength, Prf = "hmac-sha256" });
    }

    /// <summary>Decrypts a v3 keystore; a wrong password throws <see cref="WrongPasswordException"/>, a file that is
    /// not a keystore FormatException.</summary>
    public AccountKey DecryptKey(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        byte[] privateKey;
        try
        {
            privateKey = new KeyStoreService().DecryptKeyStoreFromJson(Normalise(password), json);
        }
        catch (DecryptionException)
        {
            throw new WrongPasswordException();
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or NullReferenceException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"not a version 3 keystore: {e.Message}", e);
        }
        return new AccountKey(privateKey);
    }

    /// <summary>Writes a keystore readable only by its owner (Unix mode 600); never overwrites an existing file.</summary>
    public static void SaveToFile(string path, string json)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>geth's file name convention: UTC--&lt;timestamp&gt;--&lt;address&gt;.</summary>
    public static string FileName(string address, DateTime utcNow) =>
        $"UTC--{utcNow:yyyy-MM-ddTHH-mm-ss.fffffff}Z--{address[2..].ToLowerInvariant()}";

    private static string Normalise(string password) => password.Normalize(NormalizationForm.FormKC);
}
