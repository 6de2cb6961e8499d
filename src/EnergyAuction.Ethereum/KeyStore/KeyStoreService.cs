using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace EnergyAuction.Ethereum.KeyStore;

/// <summary>Web3 Secret Storage v3 keystores (scrypt or pbkdf2-hmac-sha256, aes-128-ctr, keccak MAC), as geth,
/// ethers and MetaMask read and write them.</summary>
public sealed class KeyStoreService(int scryptN = 262_144, int scryptR = 8, int scryptP = 1, int pbkdf2Iterations = 262_144)
{
    private const int DerivedKeyLength = 32;

    public string EncryptAndSerialize(EthECKey key, string password, KdfKind kdf = KdfKind.Scrypt)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(16);
        var derived = kdf == KdfKind.Scrypt
            ? SCrypt.Generate(PasswordBytes(password), salt, scryptN, scryptR, scryptP, DerivedKeyLength)
            : Pbkdf2(PasswordBytes(password), salt, pbkdf2Iterations, DerivedKeyLength);
        var ciphertext = AesCtr(derived[..16], iv, key.PrivateKey);
        JsonObject kdfParams = kdf == KdfKind.Scrypt
            ? new JsonObject { ["dklen"] = DerivedKeyLength, ["n"] = scryptN, ["p"] = scryptP, ["r"] = scryptR, ["salt"] = HexConvert.ToHex(salt, false) }
            : new JsonObject { ["c"] = pbkdf2Iterations, ["dklen"] = DerivedKeyLength, ["prf"] = "hmac-sha256", ["salt"] = HexConvert.ToHex(salt, false) };
        var json = new JsonObject
        {
            ["address"] = key.Address[2..].ToLowerInvariant(),
            ["crypto"] = new JsonObject
            {
                ["cipher"] = "aes-128-ctr",
                ["cipherparams"] = new JsonObject { ["iv"] = HexConvert.ToHex(iv, false) },
                ["ciphertext"] = HexConvert.ToHex(ciphertext, false),
                ["kdf"] = kdf == KdfKind.Scrypt ? "scrypt" : "pbkdf2",
                ["kdfparams"] = kdfParams,
                ["mac"] = HexConvert.ToHex(Mac(derived, ciphertext), false),
            },
            ["id"] = Guid.NewGuid().ToString(),
            ["version"] = 3,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Decrypts a v3 keystore; a wrong password throws <see cref="WrongPasswordException"/>.</summary>
    public EthECKey DecryptKey(string json, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        JsonElement crypto;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("version", out var version) || version.GetInt32() != 3)
            throw new FormatException("not a version 3 keystore");
        if (!root.TryGetProperty("crypto", out crypto) && !root.TryGetProperty("Crypto", out crypto))
            throw new FormatException("the keystore has no \"crypto\" section");
        var cipher = crypto.GetProperty("cipher").GetString();
        if (cipher != "aes-128-ctr") throw new NotSupportedException($"keystore cipher '{cipher}' is not supported (only aes-128-ctr)");
        var kdfParams = crypto.GetProperty("kdfparams");
        var salt = HexConvert.FromHex(kdfParams.GetProperty("salt").GetString()!);
        var dkLen = kdfParams.GetProperty("dklen").GetInt32();
        if (dkLen < 32) throw new FormatException($"keystore dklen {dkLen} is too short");
        var derived = crypto.GetProperty("kdf").GetString() switch
        {
            "scrypt" => SCrypt.Generate(PasswordBytes(password), salt, kdfParams.GetProperty("n").GetInt32(),
                kdfParams.GetProperty("r").GetInt32(), kdfParams.GetProperty("p").GetInt32(), dkLen),
            "pbkdf2" when kdfParams.GetProperty("prf").GetString() == "hmac-sha256" =>
                Pbkdf2(PasswordBytes(password), salt, kdfParams.GetProperty("c").GetInt32(), dkLen),
            var other => throw new NotSupportedException($"keystore kdf '{other}' is not supported"),
        };
        var ciphertext = HexConvert.FromHex(crypto.GetProperty("ciphertext").GetString()!);
        var mac = HexConvert.FromHex(crypto.GetProperty("mac").GetString()!);
        if (!CryptographicOperations.FixedTimeEquals(Mac(derived, ciphertext), mac)) throw new WrongPasswordException();
        var iv = HexConvert.FromHex(crypto.GetProperty("cipherparams").GetProperty("iv").GetString()!);
        return new EthECKey(AesCtr(derived[..16], iv, ciphertext));
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

    // Passwords are NFKC-normalised UTF-8, as ethers does, so the same typed password opens the file everywhere.
    private static byte[] PasswordBytes(string password) => Encoding.UTF8.GetBytes(password.Normalize(NormalizationForm.FormKC));

    private static byte[] Pbkdf2(byte[] password, byte[] salt, int iterations, int length)
    {
        var generator = new Pkcs5S2ParametersGenerator(new Sha256Digest());
        generator.Init(password, salt, iterations);
        return ((KeyParameter)generator.GenerateDerivedMacParameters(length * 8)).GetKey();
    }

    private static byte[] AesCtr(byte[] key, byte[] iv, byte[] input)
    {
        var cipher = CipherUtilities.GetCipher("AES/CTR/NoPadding");
        cipher.Init(true, new ParametersWithIV(new KeyParameter(key), iv));
        return cipher.DoFinal(input);
    }

    private static byte[] Mac(byte[] derived, byte[] ciphertext) => Keccak256.Hash([.. derived[16..32], .. ciphertext]);
}
