using System.Globalization;
using System.Numerics;
using EnergyAuction.Devnet;

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
        var summary = await RunMarketAsync(options, progress, output, groups, ct).ConfigureAwait(false);
        return summary with { LeftRunning = await ProcessTable.WaitForGroupsToEndAsync(groups, TimeSpan.FromSeconds(10)).ConfigureAwait(false) };
    }

    private static async Task<DemoSummary> RunMarketAsync(DemoOptions options, Progress progress, TextWriter output, List<int> groups, CancellationToken ct)
    {
        await using var services = await MarketServices.StartAsync(options.Households, options.DataDirectory, "demo", progress, groups).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        var passwordFile = UseMarket(services.Node.RpcUrl, services.DeploymentFile, services.WorkDirectory);
        var households = services.Households;
        var energy = new EnergyCommands(progress);
        var people = await MarketParticipants.CreateAsync(energy, households, services.WorkDirectory).ConfigureAwait(false);
        progress.Step($"wallets: operator, daemon, DSO and {households.Count} households (`energy wallet import` of dev keys, `energy wallet new` + `energy send` beyond them)");
        ct.ThrowIfCancellationRequested();
        var daemon = await services.StartDaemonAsync(people.DaemonKeystore, passwordFile, progress).ConfigureAwait(false);

        foreach (var h in households)
            await energy.RunAsync("meter", "register", "--meter", h.Meter, "--owner", people.Address(h.Wallet),
                "--bus", h.Bus.ToString(CultureInfo.InvariantCulture), "--data-dir", services.DataDirectory,
                "--from", MarketParticipants.DsoWallet).ConfigureAwait(false);
        await Concurrently.ForEachAsync(households, h => energy.RunAsync("meter", "grant", "--meter", h.Meter, "--from", h.Wallet)).ConfigureAwait(false);
        progress.Step($"{households.Count} meters registered on their feeder buses by the DSO (the registrar) and opened to the market by their owners");

        var node = services.Node;
        var market = new DemoMarket(node, services.Hems, daemon, people, households, energy, progress, services.DataDirectory, WindowTerms.For(households.Count), ct);
        var contractBefore = await node.Rpc.GetBalanceAsync(services.Deployment.EnergyTrade).ConfigureAwait(false);
        var (windows, results) = await TradeWindowsAsync(market, options.Windows).ConfigureAwait(false);

        var accounts = await Withdrawals.SettleUpAsync(market, windows, results).ConfigureAwait(false);
        var dsoWithdrawn = await Withdrawals.WithdrawAsync(energy, MarketParticipants.DsoWallet).ConfigureAwait(false);
        var operatorWithdrawn = await Withdrawals.WithdrawAsync(energy, MarketParticipants.OperatorWallet).ConfigureAwait(false);
        var contractAfter = await node.Rpc.GetBalanceAsync(services.Deployment.EnergyTrade).ConfigureAwait(false);
        progress.Step("every household, the DSO and the operator withdrew with `energy withdraw`");
        var money = new Conservation(Sum(accounts.Select(a => a.Deposited)), Sum(accounts.Select(a => a.OrderFees)), Sum(accounts.Select(a => a.Withdrawn)),
            dsoWithdrawn, operatorWithdrawn, Sum(results.Select(r => r.Fees)), contractBefore, contractAfter);
        var summary = new DemoSummary(households.Count, households.Count(h => h.IsProsumer), services.DataDirectory, services.FallbackData, results, accounts,
            people.DsoAddress, people.Address(MarketParticipants.OperatorWallet), money, groups, progress.Elapsed.TotalSeconds);
        if (options.KeepRunning) await KeepRunningAsync(summary, services, daemon, progress, output, ct).ConfigureAwait(false);
        progress.Step("stopping the daemon, the explorer, the HEMS and the node");
        return summary;
    }

    /// <summary>Shows the summary and where everything is, then waits for Ctrl+C (or SIGTERM) with the market up.</summary>
    private static async Task KeepRunningAsync(DemoSummary summary, MarketServices services, OperatorDaemon daemon, Progress progress,
        TextWriter output, CancellationToken ct)
    {
        summary.Print(output, stillUp: true);
        output.WriteLine();
        output.WriteLine($"The market keeps running. Explorer: {services.Explorer.Url}");
        output.WriteLine($"  node {services.Node.RpcUrl}, HEMS {services.Hems.Url}, daemon status {daemon.StatusUrl}, deployment {services.DeploymentFile}");
        output.WriteLine("  Press Ctrl+C to stop everything.");
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            progress.Step("asked to stop (Ctrl+C or SIGTERM)");
        }
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
    /// (the CLI reads them from the environment, as a user's shell profile would set them); returns the password file.</summary>
    private static string UseMarket(string rpcUrl, string deploymentFile, string work)
    {
        var passwordFile = Path.Combine(work, "password.txt");
        SecretFile.Write(passwordFile, Password);
        Environment.SetEnvironmentVariable(Cli.SharedOptions.RpcEnvironmentVariable, rpcUrl);
        Environment.SetEnvironmentVariable(Cli.SharedOptions.DeploymentEnvironmentVariable, deploymentFile);
        Environment.SetEnvironmentVariable(Cli.SharedOptions.KeystoreEnvironmentVariable, Path.Combine(work, "keystore"));
        Environment.SetEnvironmentVariable(Cli.Wallet.PasswordSource.FileVariable, passwordFile);
        return passwordFile;
    }

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (s, v) => s + v);
}
