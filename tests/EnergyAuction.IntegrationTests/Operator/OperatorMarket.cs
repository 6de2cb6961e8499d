using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Hems;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator;
using EnergyAuction.Operator.Options;
using EnergyAuction.Devnet;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using EnergyAuction.Data.Feeder;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// What the operator tests share: one Hardhat node with the market deployed for a dedicated daemon key (operator role
/// and the Operator's only authorised sender), the real HEMS in-process on a free loopback port, the admin (account 0,
/// who registers meters and may open windows), and a factory for daemon hosts built from the daemon's own composition root.
/// </summary>
public sealed class OperatorMarket : IAsyncDisposable
{
    public static readonly BigInteger Gwei = 1_000_000_000;
    private const string Password = "operator test password";

    private OperatorMarket(HardhatNode node, WebApplication hems, Uri hemsUrl, AccountKey daemonKey, string deploymentFile, string dir)
    {
        Node = node;
        Hems = hems;
        HemsUrl = hemsUrl;
        DaemonKey = daemonKey;
        DeploymentFile = deploymentFile;
        Deployment = MarketDeploymentRecord.Load(deploymentFile);
        Admin = new MarketClient(node.Rpc, Deployment, node.Accounts[0]);
        Dir = dir;
        KeystoreFile = Path.Combine(dir, "operator.keystore.json");
        File.WriteAllText(KeystoreFile, new Keystore(pbkdf2Iterations: 1024).EncryptAndSerialize(daemonKey, Password, KdfKind.Pbkdf2));
        PasswordFile = Path.Combine(dir, "password.txt");
        File.WriteAllText(PasswordFile, Password);
        Feeder = FeederFiles.LoadDirectory(Path.Combine(RepoPaths.SharedDataDir, "ieee-eu-lv"));
    }

    public HardhatNode Node { get; }
    public WebApplication Hems { get; }
    public Uri HemsUrl { get; }
    public AccountKey DaemonKey { get; }
    public string DeploymentFile { get; }
    public MarketDeploymentRecord Deployment { get; }
    public MarketClient Admin { get; }
    public string Dir { get; }
    public string KeystoreFile { get; }
    public string PasswordFile { get; }
    public FeederTopology Feeder { get; }

    public static async Task<OperatorMarket> StartAsync()
    {
        var dir = Directory.CreateTempSubdirectory("operator-it-").FullName;
        var node = await HardhatNode.StartAsync();
        var hems = HemsApp.Build(new HemsOptions
        {
            Urls = "http://127.0.0.1:0",
            DataDirectory = RepoPaths.SharedDataDir,
            Origin = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600,
            WriteToken = HemsWriteToken,
        });
        await hems.StartAsync();
        var hemsUrl = HemsApp.BaseAddress(hems);
        var daemonKey = await node.NewFundedKeyAsync();
        var deployment = await MarketDeployment.DeployAsync(node, daemonKey.Address, daemonKey.Address, hemsUrl.ToString().TrimEnd('/'));
        return new OperatorMarket(node, hems, hemsUrl, daemonKey, deployment, dir);
    }

    /// <summary>The feeder bus of household M-n: load LOADn's bus, as DataAccess stores it.</summary>
    public uint BusOf(string meter) => uint.Parse(Feeder.LoadBus["LOAD" + meter[2..]]);

    /// <summary>A new funded prosumer owning <paramref name="meter"/> (registered on its feeder bus, access granted to EnergyTrade).</summary>
    public async Task<MarketClient> ProsumerAsync(string meter)
    {
        var key = await Node.NewFundedKeyAsync();
        using (var registrar = Admin.As(HardhatAccounts.Registrar))
            await registrar.DataAccess.RegisterMeterAsync(meter, key.Address, BusOf(meter));
        var prosumer = Admin.As(key);
        await prosumer.DataAccess.GrantAccessAsync(meter, Deployment.EnergyTrade);
        return prosumer;
    }

    /// <summary>The token the fixture's HEMS accepts readings with.</summary>
    public const string HemsWriteToken = "operator-it-hems-write-token";

    /// <summary>Stores meter readings in the HEMS (battery charge now, or import register values at chain timestamps).</summary>
    public async Task IngestAsync(string meter, params object[] readings)
    {
        using var http = new HttpClient { BaseAddress = HemsUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", HemsWriteToken);
        var response = await http.PostAsJsonAsync($"/meters/{meter}/readings", readings);
        Assert.That(response.IsSuccessStatusCode, $"HEMS ingest for {meter}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task SetBatteryAsync(string meter, long wh) =>
        IngestAsync(meter, new { timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60, batteryWh = wh });

    /// <summary>Makes the meter import <paramref name="wh"/> during the window's transfer interval.</summary>
    public Task SetDeliveryAsync(string meter, WindowInfo window, long wh) =>
        IngestAsync(meter, new { timestamp = (long)window.MatchingDeadline, importWh = 1000L }, new { timestamp = (long)window.TransferDeadline, importWh = 1000L + wh });

    /// <summary>Short phases in chain seconds, prices in gwei per kWh, validated offers.</summary>
    public static WindowOptions TestWindow() => new()
    {
        BiddingSeconds = 60,
        MatchingSeconds = 60,
        TransferSeconds = 30,
        SettlementSeconds = 60,
        GraceSeconds = 60,
        MaxEnergyWh = 50_000,
        ReferencePrice = (200 * Gwei).ToString(),
        GridCharge = Gwei.ToString(),
        MaxDistanceMetres = 5_000,
        PenaltyRate = (50 * Gwei).ToString(),
        Mechanism = "dpda",
        ValidateOffers = true,
    };

    /// <summary>Daemon options pointing at this market: fast polling, impatient HEMS retries.</summary>
    public OperatorOptions DaemonOptions(string checkpoint) => new()
    {
        RpcUrl = Node.RpcUrl,
        DeploymentFile = DeploymentFile,
        KeystoreFile = KeystoreFile,
        PasswordFile = PasswordFile,
        HemsBaseUrl = HemsUrl.ToString().TrimEnd('/'),
        DataDirectory = RepoPaths.SharedDataDir,
        CheckpointFile = checkpoint,
        StatusUrl = "http://127.0.0.1:0",
        WindowEverySeconds = 0,
        Window = TestWindow(),
        BatchSize = 50,
        PollIntervalMilliseconds = 200,
        HemsTimeoutMilliseconds = 1000,
        HemsRetries = 2,
    };

    /// <summary>A checkpoint file that starts the oracle job at the current block (requests of earlier tests are theirs).</summary>
    public async Task<string> FreshCheckpointAsync()
    {
        var path = Path.Combine(Dir, $"checkpoint-{Guid.NewGuid():N}.json");
        await WriteCheckpointAsync(path, await Node.Rpc.BlockNumberAsync());
        return path;
    }

    /// <summary>A checkpoint of this chain and deployment that has handled everything up to <paramref name="block"/> and remembers no fulfilment.</summary>
    public async Task WriteCheckpointAsync(string path, ulong block)
    {
        var chainId = await Node.Rpc.ChainIdAsync();
        var genesis = (await Node.Rpc.GetBlockAsync(0))!.Hash.ToLowerInvariant();
        await File.WriteAllTextAsync(path, $$"""
            {"lastProcessedBlock": {{block}}, "fulfilledRequests": [], "chainId": {{chainId}}, "genesisHash": "{{genesis}}", "deployment": "{{Deployment.EnergyTrade.ToLowerInvariant()}}"}
            """);
    }

    /// <summary>As the admin, names <paramref name="feeRecipient"/> the market's fee recipient and opens a window with the
    /// test parameters (the daemon then drives it).</summary>
    public async Task<(ulong Id, WindowInfo Info)> OpenWindowAsync(string feeRecipient, bool validateOffers = true)
    {
        await Admin.Trade.SetFeeRecipientAsync(feeRecipient);
        var options = TestWindow();
        options.ValidateOffers = validateOffers;
        var (id, _) = await Admin.Trade.OpenWindowAsync(EnergyAuction.Operator.Windows.WindowSchedule.ParamsFor(options, options.MaxDistanceMetres!.Value));
        return (id, await WindowAsync(id));
    }

    /// <summary>Moves chain time to just past <paramref name="deadline"/>.</summary>
    public async Task PassAsync(ulong deadline)
    {
        var now = await Node.LatestTimestampAsync();
        await Node.IncreaseTimeAsync(deadline >= now ? (long)(deadline - now) + 1 : 1);
    }

    /// <summary>Every Operator OracleRequest from <paramref name="fromBlock"/> with how many OracleResponses it got.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ResponsesPerRequestAsync(ulong fromBlock)
    {
        var requests = await Admin.Operator.GetOracleRequestsAsync(fromBlock);
        var responses = await Admin.Operator.GetEventsAsync<EnergyAuction.Chain.Events.OracleResponseEvent>(fromBlock);
        return requests.ToDictionary(r => Convert.ToHexString(r.Event.RequestId),
            r => responses.Count(x => x.Event.RequestId.AsSpan().SequenceEqual(r.Event.RequestId)));
    }

    /// <summary>Builds and starts a daemon host; its log lines go to <paramref name="log"/>.</summary>
    public static async Task<WebApplication> StartDaemonAsync(OperatorOptions options, DaemonLog log)
    {
        var app = OperatorApp.Build(options, logging => logging.AddProvider(log));
        await app.StartAsync();
        return app;
    }

    public static async Task StopDaemonAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 60, DaemonLog? log = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"timed out after {timeoutSeconds} s waiting for {what}" + (log is null ? "" : "\ndaemon log:\n" + string.Join("\n", log.Lines.TakeLast(40))));
            await Task.Delay(200);
        }
    }

    public Task<WindowInfo> WindowAsync(ulong id) => Admin.Trade.GetWindowAsync(id);

    public async ValueTask DisposeAsync()
    {
        await Hems.StopAsync();
        await Hems.DisposeAsync();
        await Node.DisposeAsync();
        Directory.Delete(Dir, recursive: true);
    }
}

/// <summary>Every line the daemon logs (category, level, message), for assertions and for failure reports.</summary>
public sealed class DaemonLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ManualResetEventSlim _released = new(true);
    private TaskCompletionSource? _reached;
    private string? _freezeOn;

    /// <summary>
    /// The next time the daemon logs a line containing <paramref name="text"/>, the service logging it stops right
    /// there (its thread waits in the logger) until <see cref="StopFrozenAsync"/> lets it go: a crash point that does not depend on timing.
    /// </summary>
    public Task FreezeOn(string text)
    {
        _released.Reset();
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _freezeOn = text;
        return _reached.Task;
    }

    /// <summary>Stops the frozen daemon (its services see cancellation first), then lets the frozen service go on.</summary>
    public async Task StopFrozenAsync(WebApplication app)
    {
        var stopping = app.StopAsync();
        await Task.Delay(1000);
        _released.Set();
        await stopping;
        await app.DisposeAsync();
    }

    private void Write(string line)
    {
        _lines.Enqueue(line);
        if (_freezeOn is { } text && line.Contains(text, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _freezeOn, null, text) == text)
        {
            _reached!.TrySetResult();
            _released.Wait();
        }
    }

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    public ILogger CreateLogger(string categoryName) => new Sink(this, categoryName);

    public void Dispose() => _released.Set();

    private sealed class Sink(DaemonLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) log.Write($"{logLevel} {category}: {formatter(state, exception)}");
        }
    }
}
