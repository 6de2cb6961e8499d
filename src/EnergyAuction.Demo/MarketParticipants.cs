using EnergyAuction.Devnet;

namespace EnergyAuction.Demo;

/// <summary>
/// Who takes part, each with a wallet in the demo's keystore folder made by `energy wallet import` (Hardhat dev keys)
/// or `energy wallet new` + `energy send` (households beyond the dev accounts): the microgrid operator (account 0,
/// admin, opens windows), the daemon (account 1, operator role and oracle node), the DSO (the dev registrar: registers
/// the meters and receives the grid fees) and the households (accounts 2-19, then new wallets).
/// </summary>
public sealed class MarketParticipants
{
    public const string OperatorWallet = "operator";
    public const string DaemonWallet = "daemon";
    public const string DsoWallet = "dso";
    private const int FirstHouseholdAccount = 2;

    /// <summary>Throwaway demo wallets: a low scrypt cost keeps unlocking fast (each keystore records its own cost).</summary>
    private const string ScryptN = "1024";

    private readonly Dictionary<string, string> _addresses = new(StringComparer.Ordinal);

    private MarketParticipants(string daemonKeystore) => DaemonKeystore = daemonKeystore;

    /// <summary>The daemon's keystore file, handed to the operator daemon.</summary>
    public string DaemonKeystore { get; }

    public string Address(string wallet) => _addresses[wallet];

    public string DsoAddress => _addresses[DsoWallet];

    /// <summary>The wallet owning <paramref name="address"/>, for naming counterparties.</summary>
    public string? WalletOf(string address) =>
        _addresses.FirstOrDefault(a => string.Equals(a.Value, address, StringComparison.OrdinalIgnoreCase)).Key;

    public static async Task<MarketParticipants> CreateAsync(EnergyCommands energy, IReadOnlyList<DemoHousehold> households, string workDirectory)
    {
        var keyDir = Directory.CreateDirectory(Path.Combine(workDirectory, "dev-keys")).FullName;
        var keys = HardhatAccounts.PrivateKeys;
        var devWallets = new List<(string Wallet, string PrivateKey)> { (OperatorWallet, keys[0]), (DaemonWallet, keys[1]) };
        var devHouseholds = households.Take(keys.Count - FirstHouseholdAccount).Select((h, i) => (h.Wallet, keys[FirstHouseholdAccount + i])).ToList();
        devWallets.AddRange(devHouseholds);
        devWallets.Add((DsoWallet, HardhatAccounts.RegistrarPrivateKey));
        var imported = await Concurrently.MapAsync(devWallets, async w =>
            (w.Wallet, Json: await ImportAsync(energy, keyDir, w.Wallet, w.PrivateKey).ConfigureAwait(false))).ConfigureAwait(false);
        Directory.Delete(keyDir, recursive: true);

        var created = await Concurrently.MapAsync(households.Skip(devHouseholds.Count), async h =>
            (h.Wallet, Json: await energy.RunAsync("wallet", "new", "--name", h.Wallet, "--scrypt-n", ScryptN).ConfigureAwait(false))).ConfigureAwait(false);

        var participants = new MarketParticipants(imported.Single(i => i.Wallet == DaemonWallet).Json.GetProperty("path").GetString()!);
        foreach (var (wallet, json) in imported.Concat(created))
            participants._addresses[wallet] = json.GetProperty("address").GetString()!;
        // New households need ether for escrow and gas; the operator funds them (one nonce sequence, so in turn).
        foreach (var (wallet, _) in created)
            await energy.RunAsync("send", "--to", participants.Address(wallet), "--amount", "1ether", "--from", OperatorWallet).ConfigureAwait(false);
        return participants;
    }

    private static async Task<System.Text.Json.JsonElement> ImportAsync(EnergyCommands energy, string keyDir, string wallet, string privateKey)
    {
        var keyFile = Path.Combine(keyDir, wallet + ".key");
        SecretFile.Write(keyFile, privateKey);
        return await energy.RunAsync("wallet", "import", "--private-key-file", keyFile, "--name", wallet, "--scrypt-n", ScryptN).ConfigureAwait(false);
    }
}
