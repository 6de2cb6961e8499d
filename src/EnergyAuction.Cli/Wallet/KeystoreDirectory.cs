using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Cli.Wallet;

/// <summary>
/// The per-user folder of Web3 Secret Storage keystores: --keystore-dir, else $ENERGY_KEYSTORE_DIR, else
/// $XDG_DATA_HOME/energy/keystore, else ~/.energy/keystore. A wallet's name is its file name without ".json";
/// files from geth or ethers (UTC--...) dropped in the folder are listed too.
/// </summary>
public sealed partial class KeystoreDirectory(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static KeystoreDirectory From(ParseResult parseResult)
    {
        if (parseResult.GetValue(SharedOptions.KeystoreDir) is { Length: > 0 } option)
            return new KeystoreDirectory(option);
        if (Environment.GetEnvironmentVariable(SharedOptions.KeystoreEnvironmentVariable) is { Length: > 0 } env)
            return new KeystoreDirectory(env);
        if (Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg)
            return new KeystoreDirectory(System.IO.Path.Combine(xdg, "energy", "keystore"));
        return new KeystoreDirectory(System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".energy", "keystore"));
    }

    /// <summary>Every readable keystore, by name.</summary>
    public IReadOnlyList<WalletEntry> List()
    {
        if (!Directory.Exists(Path))
            return [];
        return [.. Directory.EnumerateFiles(Path)
            .Select(Read)
            .OfType<WalletEntry>()
            .OrderBy(w => w.Name, StringComparer.Ordinal)];
    }

    /// <summary>The wallet named or addressed by <paramref name="nameOrAddress"/>; null picks the only or first one.</summary>
    public WalletEntry Find(string? nameOrAddress)
    {
        var wallets = List();
        if (wallets.Count == 0)
            throw CliException.Failure($"no wallets in {Path}: create one with `energy wallet new` or `energy wallet import` (or pass --keystore-dir)");
        if (nameOrAddress is null)
            return wallets[0];
        return wallets.FirstOrDefault(w => w.Name == nameOrAddress || ChainAddress.AreEqual(w.Address, nameOrAddress))
            ?? throw CliException.Usage($"--from {nameOrAddress}: no such wallet in {Path}; `energy wallet list` shows them");
    }

    /// <summary>Stores a new keystore as &lt;name&gt;.json, readable only by its owner; never overwrites.</summary>
    public WalletEntry Save(string name, string address, string keystoreJson)
    {
        if (!NamePattern().IsMatch(name))
            throw CliException.Usage($"--name \"{name}\": use 1 to 40 characters of A-Z, a-z, 0-9, '.', '_' and '-'");
        if (List().FirstOrDefault(w => w.Name == name || ChainAddress.AreEqual(w.Address, address)) is { } existing)
            throw CliException.Usage($"wallet {existing.Name} ({existing.Address}) already exists in {Path}; choose another --name or key");
        var file = System.IO.Path.Combine(Path, name + ".json");
        Chain.KeyStore.Keystore.SaveToFile(file, keystoreJson);
        return new WalletEntry(name, address, file);
    }

    /// <summary>The first free name "wallet1", "wallet2", ...</summary>
    public string NextName()
    {
        var taken = List().Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, int.MaxValue).Select(n => $"wallet{n}").First(n => !taken.Contains(n));
    }

    private static WalletEntry? Read(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!document.RootElement.TryGetProperty("address", out var address) || address.ValueKind != JsonValueKind.String)
                return null;
            var hex = address.GetString()!;
            hex = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex : "0x" + hex;
            if (!ChainAddress.IsValid(hex))
                return null;
            var name = System.IO.Path.GetFileName(file);
            return new WalletEntry(name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name, ChainAddress.ToChecksum(hex), file);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex NamePattern();
}
