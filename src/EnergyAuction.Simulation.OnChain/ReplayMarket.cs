using System.Security.Cryptography;
using System.Text.Json;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Devnet;
using EnergyAuction.Hems;
using EnergyAuction.Operator;
using EnergyAuction.Operator.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace EnergyAuction.Simulation.OnChain;

/// <summary>One scenario household in the market: its funded key and its meter, registered on its feeder bus.</summary>
public sealed record ReplayHousehold(Household Household, AccountKey Key, string Meter);

/// <summary>
/// The real market on this machine for a replay, started in order and stopped in reverse: a Hardhat node, the HEMS
/// metering the scenario's households (in-process, fed readings through its write API), the contracts deployed by
/// scripts/deploy.js, one funded key per household whose meter the registrar records on the household's feeder bus,
/// and the operator daemon (in-process, from its own composition root) that drives the phases, clears, serves the
/// oracle and settles. Hardhat account 0 is the admin that opens windows; a fresh key is the DSO, the fee recipient.
/// </summary>
internal sealed class ReplayMarket : IAsyncDisposable
{
    private const string Password = "on-chain replay";
    private readonly List<IAsyncDisposable> _started = [];

    private ReplayMarket(string workDirectory) => WorkDirectory = workDirectory;

    public string WorkDirectory { get; }

    public HardhatNode Node { get; private set; } = null!;

    public MarketClient Admin { get; private set; } = null!;

    public HemsMeterWriter Meters { get; private set; } = null!;

    public AccountKey Dso { get; private set; } = null!;

    public IReadOnlyList<ReplayHousehold> Households { get; private set; } = [];

    public LogFile DaemonLog { get; private set; } = null!;

    /// <param name="households">The scenario's households.</param>
    /// <param name="sellableWh">Per household, the most it offers in any replayed window: the HEMS battery it reports
    /// availability from must hold that much.</param>
    /// <param name="dataDirectory">The shared data (feeder and profiles) the HEMS and the daemon read.</param>
    /// <param name="progress">Told each step.</param>
    public static async Task<ReplayMarket> StartAsync(IReadOnlyList<Household> households, IReadOnlyList<long> sellableWh, string dataDirectory,
        Action<string> progress)
    {
        var market = new ReplayMarket(RepoPaths.WorkDir(Path.Combine("simulate-on-chain", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}")));
        try
        {
            await market.StartServicesAsync(households, sellableWh, dataDirectory, progress).ConfigureAwait(false);
        }
        catch
        {
            await market.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return market;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--) await _started[i].DisposeAsync().ConfigureAwait(false);
        _started.Clear();
        Meters?.Dispose();
        Admin?.Dispose();
    }

    private async Task StartServicesAsync(IReadOnlyList<Household> households, IReadOnlyList<long> sellableWh, string dataDirectory, Action<string> progress)
    {
        Node = await HardhatNode.StartAsync(Path.Combine(WorkDirectory, "hardhat-node.log")).ConfigureAwait(false);
        _started.Add(Node);
        progress($"hardhat node on {Node.RpcUrl} (logs in {WorkDirectory})");

        var meterOf = households.ToDictionary(h => h.Number, h => $"H-{h.Number}");
        var householdsFile = Path.Combine(WorkDirectory, "households.json");
        await File.WriteAllTextAsync(householdsFile, JsonSerializer.Serialize(households.Select((h, i) => new
        {
            meter = meterOf[h.Number], load = h.Number, pvPeakWatts = h.PvPeakW,
            batteryCapacityWh = Math.Max(h.BatteryCapacityWh, sellableWh[i]), initialChargeWh = 0L,
        }))).ConfigureAwait(false);
        var writeToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var hems = HemsApp.Build(new HemsOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = dataDirectory,
            HouseholdsFile = householdsFile,
            Origin = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600,
            WriteToken = writeToken,
        }, ["--Logging:LogLevel:Default=None"]);
        await hems.StartAsync().ConfigureAwait(false);
        _started.Add(new RunningApp(hems));
        var hemsUrl = HemsApp.BaseAddress(hems);
        Meters = new HemsMeterWriter(hemsUrl, writeToken);
        progress($"HEMS on {hemsUrl} metering {households.Count} households");

        var daemonKey = await Node.NewFundedKeyAsync().ConfigureAwait(false);
        Dso = await Node.NewFundedKeyAsync().ConfigureAwait(false);
        var deploymentFile = await MarketDeployment.DeployAsync(Node, daemonKey.Address, daemonKey.Address, hemsUrl.ToString().TrimEnd('/'),
            Path.Combine(WorkDirectory, "deployment.json"), Dso.Address, dataDirectory).ConfigureAwait(false);
        Admin = new MarketClient(Node.Rpc, MarketDeploymentRecord.Load(deploymentFile), Node.Accounts[0]);
        progress($"market deployed by scripts/deploy.js: EnergyTrade {Admin.Deployment.EnergyTrade}");

        var registered = new List<ReplayHousehold>();
        using (var registrar = Admin.As(HardhatAccounts.Registrar))
        {
            foreach (var h in households)
            {
                var key = await Node.NewFundedKeyAsync().ConfigureAwait(false);
                await registrar.DataAccess.RegisterMeterAsync(meterOf[h.Number], key.Address, uint.Parse(h.Bus, System.Globalization.CultureInfo.InvariantCulture))
                    .ConfigureAwait(false);
                using var owner = Admin.As(key);
                await owner.DataAccess.GrantAccessAsync(meterOf[h.Number], Admin.Deployment.EnergyTrade).ConfigureAwait(false);
                registered.Add(new ReplayHousehold(h, key, meterOf[h.Number]));
            }
        }
        Households = registered;
        progress($"{households.Count} households funded, their meters registered on their feeder buses");

        var keystore = Path.Combine(WorkDirectory, "operator.keystore.json");
        await File.WriteAllTextAsync(keystore, new Keystore(pbkdf2Iterations: 1024).EncryptAndSerialize(daemonKey, Password, KdfKind.Pbkdf2)).ConfigureAwait(false);
        var passwordFile = Path.Combine(WorkDirectory, "password.txt");
        await File.WriteAllTextAsync(passwordFile, Password).ConfigureAwait(false);
        DaemonLog = new LogFile(Path.Combine(WorkDirectory, "operator.log"));
        var daemon = OperatorApp.Build(new OperatorOptions
        {
            RpcUrl = Node.RpcUrl,
            DeploymentFile = deploymentFile,
            KeystoreFile = keystore,
            PasswordFile = passwordFile,
            HemsBaseUrl = hemsUrl.ToString().TrimEnd('/'),
            DataDirectory = dataDirectory,
            CheckpointFile = Path.Combine(WorkDirectory, "oracle-checkpoint.json"),
            StatusUrl = "http://127.0.0.1:0",
            // The replay opens its windows itself, with the scenario's parameters.
            WindowEverySeconds = 0,
            PollIntervalMilliseconds = 100,
        }, logging =>
        {
            logging.ClearProviders();
            logging.AddProvider(DaemonLog);
        });
        await daemon.StartAsync().ConfigureAwait(false);
        _started.Add(new RunningApp(daemon));
        progress($"operator daemon running as {daemonKey.Address}");
    }

    // A web host stops its hosted services (the daemon's loops, Kestrel) before it is disposed.
    private sealed class RunningApp(WebApplication app) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
