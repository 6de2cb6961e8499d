using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Devnet;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Demo;

/// <summary>
/// The whole market on this machine: a Hardhat node, the market deployed by scripts/deploy.js, the HEMS and the
/// operator daemon as child processes on loopback, N households on the IEEE LV feeder with wallets and meters, and
/// one or more windows traded through the `energy` CLI. Stops every process it started, also on failure or Ctrl+C.
/// </summary>
public static class MarketDemo
{
    private const string Password = "demo wallets only";

    public static async Task<DemoSummary> RunAsync(DemoOptions options, TextWriter output, CancellationToken ct)
    {
        var progress = new Progress(output);
        var groups = new List<int>();
        var summary = await RunMarketAsync(options, progress, groups, ct).ConfigureAwait(false);
        return summary with { LeftRunning = await ProcessTable.WaitForGroupsToEndAsync(groups, TimeSpan.FromSeconds(10)).ConfigureAwait(false) };
    }

    private static async Task<DemoSummary> RunMarketAsync(DemoOptions options, Progress progress, List<int> groups, CancellationToken ct)
    {
        var work = RepoPaths.WorkDir(Path.Combine("demo", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}"));
        var dataDir = options.DataDirectory is null ? RepoPaths.SharedDataDir : Path.GetFullPath(options.DataDirectory);
        var fallback = !File.Exists(Path.Combine(dataDir, "ieee-eu-lv", "lines.csv"));
        if (fallback) progress.Step($"no IEEE feeder under {dataDir}: using the small generated fallback feeder and profiles");
        var households = FeederHouseholds.Create(options.Households, FeederTopology.LoadOrFallback(dataDir), fallback);
        var householdsFile = Path.Combine(work, "households.json");
        FeederHouseholds.WriteHemsFile(households, householdsFile);
        progress.Step($"{households.Count} households on the feeder: {households.Count(h => h.IsProsumer)} prosumers (PV + battery), "
            + $"{households.Count(h => !h.IsProsumer)} consumers; logs in {work}");

        await using var node = await HardhatNode.StartAsync(Path.Combine(work, "hardhat-node.log")).ConfigureAwait(false);
        groups.Add(node.ProcessId);
        progress.Step($"hardhat node on {node.RpcUrl}");
        var origin = (long)await node.LatestTimestampAsync().ConfigureAwait(false);
        await using var hems = await HemsService.StartAsync(dataDir, householdsFile, origin, Path.Combine(work, "hems.log")).ConfigureAwait(false);
        groups.Add(hems.ProcessId);
        progress.Step($"HEMS on {hems.Url} replaying {(hems.GeneratedProfiles ? "GENERATED" : "real")} profiles, one profile minute per chain second");
        ct.ThrowIfCancellationRequested();

        var daemonAddress = HardhatAccounts.Keys[1].Address;
        var deploymentFile = await MarketDeployment.DeployAsync(node, daemonAddress, daemonAddress, hems.Url, Path.Combine(work, "deployment.json"))
            .ConfigureAwait(false);
        var deployment = MarketDeploymentRecord.Load(deploymentFile);
        progress.Step($"market deployed by scripts/deploy.js: EnergyTrade {deployment.EnergyTrade}");
        UseMarket(node.RpcUrl, deploymentFile, work);

        var energy = new EnergyCommands(progress);
        var people = await MarketParticipants.CreateAsync(energy, households, work).ConfigureAwait(false);
        progress.Step($"wallets: operator, daemon, DSO and {households.Count} households (`energy wallet import` of dev keys, `energy wallet new` + `energy send` beyond them)");
        ct.ThrowIfCancellationRequested();

        await using var daemon = await OperatorDaemon.StartAsync(new DaemonSettings(node.RpcUrl, deploymentFile, people.DaemonKeystore,
            Environment.GetEnvironmentVariable(Cli.Wallet.PasswordSource.FileVariable)!, people.DsoAddress, hems.Url, dataDir, work)).ConfigureAwait(false);
        groups.Add(daemon.ProcessId);
        progress.Step($"operator daemon running as {people.DaemonAddress} (status {daemon.StatusUrl})");

        foreach (var h in households)
            await energy.RunAsync("meter", "register", "--meter", h.Meter, "--owner", people.Address(h.Wallet),
                "--bus", h.Bus.ToString(CultureInfo.InvariantCulture), "--from", MarketParticipants.OperatorWallet).ConfigureAwait(false);
        await Concurrently.MapAsync(households, h => energy.RunAsync("meter", "grant", "--meter", h.Meter, "--from", h.Wallet)).ConfigureAwait(false);
        progress.Step($"{households.Count} meters registered on their feeder buses by the operator and opened to the market by their owners");

        var market = new DemoMarket(node, hems, daemon, people, households, energy, progress, dataDir, ct);
        var contractBefore = await node.Rpc.GetBalanceAsync(deployment.EnergyTrade).ConfigureAwait(false);
        var (windows, results) = await TradeWindowsAsync(market, options.Windows).ConfigureAwait(false);

        var accounts = await Withdrawals.SettleUpAsync(market, windows, results).ConfigureAwait(false);
        var dsoWithdrawn = await Withdrawals.WithdrawAsync(energy, MarketParticipants.DsoWallet).ConfigureAwait(false);
        var contractAfter = await node.Rpc.GetBalanceAsync(deployment.EnergyTrade).ConfigureAwait(false);
        progress.Step("every household and the DSO withdrew with `energy withdraw`");
        var money = new Conservation(Sum(accounts.Select(a => a.Deposited)), Sum(accounts.Select(a => a.Withdrawn)), dsoWithdrawn,
            Sum(results.Select(r => r.Fees)), contractBefore, contractAfter);
        progress.Step("stopping the daemon, the HEMS and the node");
        return new DemoSummary(households.Count, households.Count(h => h.IsProsumer), dataDir, fallback || hems.GeneratedProfiles, results, accounts,
            people.DsoAddress, money, groups, progress.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Trades <paramref name="count"/> windows back to back. Each window's bidding runs while the previous window's
    /// energy is being transferred (as the paper's schedule overlaps them); the previous window is settled once the
    /// next one has cleared.
    /// </summary>
    private static async Task<(List<TradingWindow>, List<WindowResult>)> TradeWindowsAsync(DemoMarket market, int count)
    {
        var windows = new List<TradingWindow>();
        var results = new List<WindowResult>();
        TradingWindow? transferring = null;
        for (var k = 0; k < count; k++)
        {
            var window = await TradingWindow.OpenAsync(market).ConfigureAwait(false);
            windows.Add(window);
            await window.PlaceOrdersAsync().ConfigureAwait(false);
            await window.ClearAsync().ConfigureAwait(false);
            if (transferring is not null) results.Add(await SettleAsync(transferring).ConfigureAwait(false));
            transferring = window;
        }
        results.Add(await SettleAsync(transferring!).ConfigureAwait(false));
        return (windows, results);
    }

    private static async Task<WindowResult> SettleAsync(TradingWindow window)
    {
        await window.SettleAsync().ConfigureAwait(false);
        return await window.ResultAsync().ConfigureAwait(false);
    }

    /// <summary>Points every `energy` command at this market, the demo's keystore folder and its password file
    /// (the CLI reads them from the environment, as a user's shell profile would set them).</summary>
    private static void UseMarket(string rpcUrl, string deploymentFile, string work)
    {
        var passwordFile = Path.Combine(work, "password.txt");
        SecretFile.Write(passwordFile, Password);
        Environment.SetEnvironmentVariable(Cli.SharedOptions.RpcEnvironmentVariable, rpcUrl);
        Environment.SetEnvironmentVariable(Cli.SharedOptions.DeploymentEnvironmentVariable, deploymentFile);
        Environment.SetEnvironmentVariable(Cli.SharedOptions.KeystoreEnvironmentVariable, Path.Combine(work, "keystore"));
        Environment.SetEnvironmentVariable(Cli.Wallet.PasswordSource.FileVariable, passwordFile);
    }

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (s, v) => s + v);
}
