using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Devnet;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Data.Feeder;
using EnergyAuction.Data;

namespace EnergyAuction.Demo;

/// <summary>
/// The market's machinery on this machine, started in order and stopped in reverse: the households on the feeder,
/// a Hardhat node, the HEMS metering them, the contracts deployed by scripts/deploy.js (the daemon key, Hardhat
/// account 1, gets the operator role and serves the oracle; the dev registrar, the DSO, registers meters and receives
/// the grid fees), the explorer showing the market, and the operator daemon
/// once its keystore exists.
/// Every child's process group is recorded so the caller can check nothing is left running.
/// </summary>
public sealed class MarketServices : IAsyncDisposable
{
    /// <summary>Hardhat account 1: the operator daemon's key.</summary>
    public static AccountKey DaemonKey => HardhatAccounts.Keys[1];

    private readonly List<IAsyncDisposable> _started = [];

    private MarketServices(string work, string dataDirectory, bool fallback, IReadOnlyList<DemoHousehold> households, List<int> processGroups)
    {
        WorkDirectory = work;
        DataDirectory = dataDirectory;
        FallbackData = fallback;
        Households = households;
        ProcessGroups = processGroups;
    }

    public string WorkDirectory { get; }

    public string DataDirectory { get; }

    /// <summary>True when the shared data was absent and the generated feeder and profiles stand in.</summary>
    public bool FallbackData { get; private set; }

    public IReadOnlyList<DemoHousehold> Households { get; }

    public List<int> ProcessGroups { get; }

    public HardhatNode Node { get; private set; } = null!;

    public HemsService Hems { get; private set; } = null!;

    public ExplorerService Explorer { get; private set; } = null!;

    public string DeploymentFile { get; private set; } = null!;

    public MarketDeploymentRecord Deployment { get; private set; } = null!;

    public static async Task<MarketServices> StartAsync(int households, string? dataDirectory, string runName, Progress progress, List<int> processGroups)
    {
        var work = RepoPaths.WorkDir(Path.Combine(runName, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}"));
        var dataDir = SharedDataDirectory.Resolve(dataDirectory);
        var fallback = !File.Exists(Path.Combine(SharedDataDirectory.FeederDirectory(dataDir), "lines.csv"));
        if (fallback) progress.Step($"no IEEE feeder under {dataDir}: using the small generated fallback feeder and profiles");
        var demoHouseholds = FeederHouseholds.Create(households, FeederFiles.LoadOrFallback(dataDir), fallback);
        progress.Step($"{demoHouseholds.Count} households on the feeder: {demoHouseholds.Count(h => h.IsProsumer)} prosumers (PV + battery), "
            + $"{demoHouseholds.Count(h => !h.IsProsumer)} consumers; logs in {work}");
        var services = new MarketServices(work, dataDir, fallback, demoHouseholds, processGroups);
        try
        {
            await services.StartChainAndMetersAsync(progress).ConfigureAwait(false);
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return services;
    }

    /// <summary>Starts the operator daemon with its keystore (the password in a file).</summary>
    public async Task<OperatorDaemon> StartDaemonAsync(string keystoreFile, string passwordFile, Progress progress)
    {
        var daemon = await OperatorDaemon.StartAsync(new DaemonSettings(Node.RpcUrl, DeploymentFile, keystoreFile, passwordFile,
            Hems.Url, DataDirectory, WorkDirectory)).ConfigureAwait(false);
        Track(daemon, daemon.ProcessId);
        progress.Step($"operator daemon running as {DaemonKey.Address} (status {daemon.StatusUrl})");
        return daemon;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--) await _started[i].DisposeAsync().ConfigureAwait(false);
        _started.Clear();
    }

    private async Task StartChainAndMetersAsync(Progress progress)
    {
        var householdsFile = Path.Combine(WorkDirectory, "households.json");
        FeederHouseholds.WriteHemsFile(Households, householdsFile);
        Node = await HardhatNode.StartAsync(Path.Combine(WorkDirectory, "hardhat-node.log")).ConfigureAwait(false);
        Track(Node, Node.ProcessId);
        progress.Step($"hardhat node on {Node.RpcUrl}");
        // The meters start with the chain, so chain timestamps and the replayed profiles share one origin.
        var origin = (long)await Node.LatestTimestampAsync().ConfigureAwait(false);
        Hems = await HemsService.StartAsync(DataDirectory, householdsFile, origin, Path.Combine(WorkDirectory, "hems.log")).ConfigureAwait(false);
        Track(Hems, Hems.ProcessId);
        FallbackData |= Hems.GeneratedProfiles;
        progress.Step($"HEMS on {Hems.Url} replaying {(Hems.GeneratedProfiles ? "GENERATED" : "real")} profiles, one profile minute per chain second");
        DeploymentFile = await MarketDeployment.DeployAsync(Node, DaemonKey.Address, DaemonKey.Address, Hems.Url,
            Path.Combine(WorkDirectory, "deployment.json"), dataDirectory: DataDirectory).ConfigureAwait(false);
        Deployment = MarketDeploymentRecord.Load(DeploymentFile);
        progress.Step($"market deployed by scripts/deploy.js: EnergyTrade {Deployment.EnergyTrade}");
        Explorer = await ExplorerService.StartAsync(Node.RpcUrl, DeploymentFile, DataDirectory, Path.Combine(WorkDirectory, "explorer.log")).ConfigureAwait(false);
        Track(Explorer, Explorer.ProcessId);
        progress.Step($"explorer on {Explorer.Url} (open it in a browser to watch the market)");
    }

    private void Track(IAsyncDisposable service, int processGroup)
    {
        _started.Add(service);
        ProcessGroups.Add(processGroup);
    }
}
