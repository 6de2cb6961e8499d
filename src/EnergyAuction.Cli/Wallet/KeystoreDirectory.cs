using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Cli.Wallet;

/// <summary>
/// The per-user folder of Web3 Secret Storage keystores: --keystore-dir, else $ENERGY_KEYSTORE_DIR, else
/// $XDG_DATA_HOME/energy/keystore, else ~/.energy/keystore (created 0700). A wallet's name is its file name without
/// ".json"; files from geth or ethers (UTC--...) dropped in the folder are listed too, and ones that cannot be read are
/// listed as corrupt.
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
    public IReadOnlyList<WalletEntry> List() => [.. Scan().Select(r => r.Wallet).OfType<WalletEntry>().OrderBy(w => w.Name, StringComparer.Ordinal)];

    /// <summary>Keystore files (by their name) that cannot be read as keystores, with the reason.</summary>
    public IReadOnlyList<CorruptKeystore> Corrupt() => [.. Scan().Select(r => r.Corrupt).OfType<CorruptKeystore>().OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>The wallet chosen with `energy wallet default`, if it still exists.</summary>
    public WalletEntry? Default() =>
        WalletDefault.Read(Path) is { } name ? List().FirstOrDefault(w => w.Name == name) : null;

    /// <summary>The wallet named or addressed by <paramref name="nameOrAddress"/>; null picks the default or the only one.</summary>
    public WalletEntry Find(string? nameOrAddress)
    {
        var wallets = List();
        if (nameOrAddress is not null)
        {
            if (Corrupt().FirstOrDefault(c => c.Name == nameOrAddress) is { } corrupt)
                throw CliException.Failure($"wallet {corrupt.Name}: {corrupt.Path} is not a usable keystore ({corrupt.Problem})");
            return wallets.FirstOrDefault(w => w.Name == nameOrAddress || ChainAddress.AreEqual(w.Address, nameOrAddress))
                ?? throw CliException.Usage($"--from {nameOrAddress}: no such wallet in {Path}; `energy wallet list` shows them");
        }

        if (wallets.Count == 0)
            throw CliException.Failure($"no wallets in {Path}: create one with `energy wallet new` or `energy wallet import` (or pass --keystore-dir)");
        if (Default() is { } chosen)
            return chosen;
        if (wallets.Count == 1)
            return wallets[0];
        throw CliException.Usage(
            $"{wallets.Count} wallets in {Path} ({string.Join(", ", wallets.Select(w => w.Name))}) and none is the default: "
            + "pass --from NAME, or choose one with `energy wallet default NAME`");
    }

    /// <summary>Stores a new keystore as &lt;name&gt;.json, readable only by its owner; never overwrites.</summary>
    public WalletEntry Save(string name, string address, string keystoreJson)
    {
        if (!NamePattern().IsMatch(name))
            throw CliException.Usage($"--name \"{name}\": use 1 to 40 characters of A-Z, a-z, 0-9, '.', '_' and '-'");
        if (List().FirstOrDefault(w => w.Name == name || ChainAddress.AreEqual(w.Address, address)) is { } existing)
            throw CliException.Usage($"wallet {existing.Name} ({existing.Address}) already exists in {Path}; choose another --name or key");
        var file = System.IO.Path.Combine(Path, name + ".json");
        if (File.Exists(file))
            throw CliException.Usage($"{file} exists already and is not a usable keystore; choose another --name or move the file away");
        PrivateFile.CreateFolder(Path);
        Chain.KeyStore.Keystore.SaveToFile(file, keystoreJson);
        return new WalletEntry(name, address, file);
    }

    /// <summary>The first free name "wallet1", "wallet2", ...</summary>
    public string NextName()
    {
        var taken = List().Select(w => w.Name).Concat(Corrupt().Select(c => c.Name)).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, int.MaxValue).Select(n => $"wallet{n}").First(n => !taken.Contains(n));
    }

    // Keystores are <name>.json (ours, ethers) or geth's UTC--<time>--<address>; anything else in the folder is not ours to judge.
    private IEnumerable<(WalletEntry? Wallet, CorruptKeystore? Corrupt)> Scan()
    {
        if (!Directory.Exists(Path))
            return [];
        return Directory.EnumerateFiles(Path)
            .Where(f => System.IO.Path.GetFileName(f) is var n && (n.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || n.StartsWith("UTC--", StringComparison.Ordinal)))
            .Select(Read)
            .ToList();
    }

    private static (WalletEntry? Wallet, CorruptKeystore? Corrupt) Read(string file)
    {
        var fileName = System.IO.Path.GetFileName(file);
        var name = fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? fileName[..^5] : fileName;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("address", out var address) || address.ValueKind != JsonValueKind.String)
                return (null, new CorruptKeystore(name, file, "no \"address\""));
            var hex = address.GetString()!;
            hex = hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex : "0x" + hex;
            if (!ChainAddress.IsValid(hex))
                return (null, new CorruptKeystore(name, file, $"\"address\" {address.GetString()} is not an address"));
            return (new WalletEntry(name, ChainAddress.ToChecksum(hex), file), null);
        }
        catch (JsonException)
        {
            return (null, new CorruptKeystore(name, file, "not JSON"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new CorruptKeystore(name, file, $"cannot be read: {e.Message}"));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex NamePattern();
}
