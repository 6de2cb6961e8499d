using System.Diagnostics;
using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Devnet;

namespace EnergyAuction.Chain.Tests;

public class KeyStoreTests
{
    // Small work factors keep the tests fast; the format and the algorithm are the same as with the defaults.
    private static readonly Keystore Service = new(scryptN: 4096, pbkdf2Iterations: 4096);

    [Test]
    public void Keystores_made_by_ethers_decrypt_to_the_same_key()
    {
        foreach (var v in Vectors.Items("keystores.json"))
        {
            var key = Service.DecryptKey(v.GetProperty("json").GetRawText(), v.Str("password"));
            Assert.That(key.PrivateKeyHex, Is.EqualTo(v.Str("privateKey")));
            Assert.That(key.Address, Is.EqualTo(v.Str("address")));
        }
    }

    [Test]
    public void A_wrong_password_is_reported_as_such()
    {
        var v = Vectors.Items("keystores.json").First();
        Assert.Throws<WrongPasswordException>(() => Service.DecryptKey(v.GetProperty("json").GetRawText(), "wrong"));
    }

    [TestCase(KdfKind.Scrypt)]
    [TestCase(KdfKind.Pbkdf2)]
    public void Our_keystores_round_trip_and_ethers_decrypts_them(KdfKind kdf)
    {
        var key = AccountKey.GenerateNew();
        var json = Service.EncryptAndSerialize(key, "pässwörd ⚡", kdf);
        Assert.That(Service.DecryptKey(json, "pässwörd ⚡").PrivateKeyHex, Is.EqualTo(key.PrivateKeyHex));

        var path = Path.Combine(RepoPaths.WorkDir("keystores"), Guid.NewGuid().ToString("N") + ".json");
        Keystore.SaveToFile(path, json);
        using var ethers = EthersDecrypt(path, "pässwörd ⚡");
        Assert.That(ethers.RootElement.GetProperty("address").GetString(), Is.EqualTo(key.Address));
        File.Delete(path);
    }

    [Test]
    public void Scrypt_keystores_are_written_with_r_8_and_p_1_like_every_other_wallet()
    {
        var json = Service.EncryptAndSerialize(AccountKey.GenerateNew(), "pw");
        var kdf = JsonDocument.Parse(json).RootElement.GetProperty("crypto").GetProperty("kdfparams");
        Assert.That((kdf.GetProperty("r").GetInt32(), kdf.GetProperty("p").GetInt32(), kdf.GetProperty("n").GetInt32()), Is.EqualTo((8, 1, 4096)));
    }

    [Test]
    [Platform(Exclude = "Win")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Saved_keystores_are_readable_by_the_owner_only_and_never_overwritten()
    {
        var path = Path.Combine(RepoPaths.WorkDir("keystores"), Guid.NewGuid().ToString("N") + ".json");
        Keystore.SaveToFile(path, "{}");
        Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.Throws<IOException>(() => Keystore.SaveToFile(path, "{\"other\":1}"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("{}"));
        File.Delete(path);
    }

    private static JsonDocument EthersDecrypt(string path, string password)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "scripts/ethers-vectors.js", "decrypt", path, password }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, error);
        return JsonDocument.Parse(output);
    }
}
