// The explorer's Window page for one window of 2,000 orders (1,000 offers, 1,000 bids from 55 households on their
// IEEE feeder buses), cleared and posted as the operator would, on a local Hardhat node (anvil with --anvil). Times
// GET /window/N over HTTP several times and prints each in ms with the processor time it cost the node and the
// explorer, then the median, p90 and PASS or FAIL against 2 s; the last line is one JSON object.
//   scripts/bench-explorer.sh [orders] [runs] [html-out] [--anvil]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Data;
using EnergyAuction.Data.Feeder;
using EnergyAuction.Devnet;
using EnergyAuction.Explorer;
using EnergyAuction.Explorer.Benchmarks;
using EnergyAuction.Explorer.Reading;

// --anvil: the same window on an anvil node (Foundry), which answers eth_call without keeping an execution trace.
var onAnvil = args.Contains("--anvil");
args = args.Where(a => a != "--anvil").ToArray();
var orderCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
// Where to save the page's HTML, to look at the feeder map of a large window (e.g. with chromium --screenshot).
var htmlOut = args.Length > 2 ? args[2] : null;
const int householdCount = 55, sellers = 27, matchesPerPost = 150;
var gwei = new BigInteger(1_000_000_000);

const long GoalMs = 2_000;
var nodeLogFile = Path.Combine(Path.GetTempPath(), $"bench-explorer-node-{Environment.ProcessId}.log");
await using DevChainNode node = onAnvil ? await AnvilNode.StartAsync(nodeLogFile) : await HardhatNode.StartAsync(nodeLogFile);
Console.WriteLine($"node: {(onAnvil ? "anvil" : "hardhat")}");
// anvil's automining mines a transaction when it arrives, not one that waited behind a nonce gap: a background miner
// picks those up while the households' transactions are in flight.
using var mining = new CancellationTokenSource();
var miner = onAnvil ? MineWhileSettingUpAsync(node, mining.Token) : Task.CompletedTask;
if (onAnvil)
    await node.SetAutomineAsync(true);
var nodeLog = new NodeLog(nodeLogFile);
var deploymentFile = await MarketDeployment.DeployAsync(node, feeRecipientAddress: node.Accounts[19].Address);
using var admin = new MarketClient(node.Rpc, MarketDeploymentRecord.Load(deploymentFile), node.Accounts[0]);
using var registrar = admin.As(HardhatAccounts.Registrar);

var feeder = FeederFiles.LoadDirectory(SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir));
var households = new MarketClient[householdCount + 1];
for (var n = 1; n <= householdCount; n++)
    households[n] = admin.As(await node.NewFundedKeyAsync(BigInteger.Pow(10, 24)));
var busOf = (int n) => uint.Parse(feeder.LoadBus[$"LOAD{n}"], CultureInfo.InvariantCulture);


// A meter holds one open order per window, so every order has a meter of its own on its household's feeder bus
// ("M-{household}.{k}"), registered by the registrar and granted by its household; each household then places its
// orders through its own sender in order (nonces in sequence), households in parallel.
var placing = Stopwatch.StartNew();
var random = new Random(2024);
var orders = Enumerable.Range(0, orderCount).Select(i => i % 2 == 0
    ? (Household: 1 + i / 2 % sellers, IsOffer: true, Wh: (ulong)random.Next(500, 5_001), Price: random.Next(80, 161) * gwei)
    : (Household: sellers + 1 + i / 2 % (householdCount - sellers), IsOffer: false, Wh: (ulong)random.Next(500, 5_001), Price: random.Next(120, 221) * gwei))
    .Select((o, i) => (o.Household, Meter: $"M-{o.Household}.{i}", o.IsOffer, o.Wh, o.Price)).ToList();
foreach (var o in orders)
    await registrar.DataAccess.RegisterMeterAsync(o.Meter, households[o.Household].Account!, busOf(o.Household));
await Task.WhenAll(orders.GroupBy(o => o.Household).Select(async group =>
{
    foreach (var o in group)
        await households[group.Key].DataAccess.GrantAccessAsync(o.Meter, admin.Deployment.EnergyTrade);
}));
// Opened only now: Hardhat moves its clock a second per block, and the 4,000 registrations and grants above would
// outlast the bidding phase.
var parameters = new WindowParams(BiddingDuration: 3_600, MatchingDuration: 3_600, TransferDuration: 600, SettlementDuration: 3_600, GracePeriod: 600,
    MaxEnergyWh: 50_000, ReferencePrice: 150 * gwei, GridCharge: gwei, MaxDistanceM: 5_000, PenaltyRate: 50 * gwei,
    Mechanism: Mechanism.Dpda, ValidateOffers: false);
var (windowId, _) = await admin.Trade.OpenWindowAsync(parameters);
await Task.WhenAll(orders.GroupBy(o => o.Household).Select(async group =>
{
    var client = households[group.Key];
    var inputs = new List<EnergyAuction.Chain.Transactions.TransactionInput>();
    foreach (var o in group)
        inputs.Add(o.IsOffer
            ? client.Trade.SubmitOfferInput(windowId, o.Meter, o.Wh, o.Price, await client.Trade.OfferCollateralAsync(windowId, o.Wh), 400_000)
            : client.Trade.SubmitBidInput(windowId, o.Meter, o.Wh, o.Price, await client.Trade.BidEscrowAsync(windowId, o.Wh, o.Price), 400_000));
    var receipts = await client.Transactions!.SendManyAsync(inputs);
    if (receipts.Any(r => !r.Succeeded)) throw new InvalidOperationException($"an order of household {group.Key} reverted");
}));
Console.WriteLine($"placed {orderCount} orders in {placing.Elapsed.TotalSeconds:0.0} s");

await node.PassDeadlineAsync((await admin.Trade.GetWindowAsync(windowId)).BiddingDeadline);
await admin.Trade.AdvancePhaseAsync(windowId);
var book = await WindowOrderBook.ReadInMatchingAsync(admin, windowId);
var limits = await admin.Trade.GetLimitsAsync();
var plan = WindowClearing.Compute(parameters, book, ClearingFeeder.Load(SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir)).Distances, limits.MaxMatchesPerBid);
// Within a gas limit: without one, Hardhat's estimate of a large batch searches past the 2^24 per-transaction cap and fails.
using (admin.Transactions!.LimitGas(16_000_000))
{
    foreach (var batch in plan.Matches.Chunk(matchesPerPost))
        await admin.Trade.PostClearingAsync(windowId, plan.Price, batch);
}
await admin.Trade.FinaliseClearingAsync(windowId);
Console.WriteLine($"posted {plan.Matches.Count} matches at {plan.Price / gwei} gwei/kWh");
await mining.CancelAsync();
await miner;

// Where a page's time goes: the chain reads (orders with their meters and matches in paged JSON-RPC batches, events) and the
// three mechanisms' clearings recomputed from the book.
var feederDirectory = SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir);
using var reader = new MarketReader(node.RpcUrl, admin.Deployment, ClearingFeeder.Load(feederDirectory), FeederMap.Load(feederDirectory));
var reading = Stopwatch.StartNew();
var record = await WindowRecord.ReadAsync(reader, windowId, CancellationToken.None);
var readMs = reading.ElapsedMilliseconds;
var clearing = Stopwatch.StartNew();
foreach (var mechanism in new[] { Mechanism.Dpda, Mechanism.Mcafee, Mechanism.Uniform })
    WindowClearing.ClearAndPair(parameters with { Mechanism = mechanism }, record.ClearingBook(), reader.Feeder.Distances, limits.MaxMatchesPerBid);
var clearMs = clearing.ElapsedMilliseconds;
Console.WriteLine($"chain reads {readMs} ms ({record.Orders.Count} orders, {record.Matches.Count} matches), three clearings {clearMs} ms");
foreach (var (part, ms) in await PageBreakdown.MeasureAsync(reader, windowId))
    Console.WriteLine($"  {part}: {ms} ms");

// Cold: a fresh explorer (nothing kept) per run, after one warm-up instance has JIT-compiled the code; each instance is
// stopped before the next starts, so no earlier explorer's poller runs beside the one timed. Then at new blocks that
// leave the window alone: what every open page costs on each block event of a live market.
await using (var warm = await StartExplorerAsync())
    await TimedGetAsync(warm, "warm-up (JIT)");
nodeLog.Since();
var loadBefore = LoadAverage();
var cold = new List<ColdRender>();
for (var run = 1; run <= runs; run++)
{
    await using var explorer = await StartExplorerAsync();
    var (nodeCpu, ownCpu) = (ProcessTable.ProcessorTimeMs(node.ProcessId), Environment.CpuUsage.TotalTime);
    var ms = await TimedGetAsync(explorer, null);
    var render = new ColdRender(ms, ProcessTable.ProcessorTimeMs(node.ProcessId) - nodeCpu, (long)(Environment.CpuUsage.TotalTime - ownCpu).TotalMilliseconds,
        await NodeMethodsAsync(), LoadAverage());
    Console.WriteLine($"cold run {run}: {render}");
    cold.Add(render);
}
var loadAfter = LoadAverage();
await using var last = await StartExplorerAsync();
// Its first page is one more cold render, untimed: the re-renders below are what it costs once it keeps the window.
await TimedGetAsync(last, null);
var newBlock = new List<long>();
for (var run = 1; run <= runs; run++)
{
    await node.MineAsync();
    newBlock.Add(await TimedGetAsync(last, $"new block run {run}"));
}

var summary = new ColdRenders(cold);
Console.WriteLine(summary.Verdict(GoalMs));
Console.WriteLine($"load average (1 min) {loadBefore} before the cold runs, {loadAfter} after, on {Environment.ProcessorCount} cores");
Console.WriteLine(JsonSerializer.Serialize(new { orders = orderCount, matches = plan.Matches.Count, renderMs = summary.MedianMs, p90Ms = summary.P90Ms,
    pass = summary.Passes(GoalMs), coldMs = cold.Select(c => c.Ms), nodeCpuMs = summary.MedianNodeCpuMs,
    explorerCpuMs = summary.MedianExplorerCpuMs, newBlockMs = newBlock.Order().ElementAt(newBlock.Count / 2), runs, readMs, clearMs,
    load = new[] { loadBefore, loadAfter } }));
File.Delete(nodeLogFile);

// The node's log lines arrive through a pipe a moment after its answer.
async Task<IReadOnlyDictionary<string, int>> NodeMethodsAsync()
{
    await Task.Delay(300);
    return nodeLog.Since();
}

static async Task MineWhileSettingUpAsync(DevChainNode node, CancellationToken ct)
{
    try
    {
        while (true)
        {
            await Task.Delay(250, ct);
            await node.MineAsync();
        }
    }
    catch (OperationCanceledException)
    {
    }
}

static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

async Task<ExplorerRun> StartExplorerAsync()
{
    int port;
    using (var listener = new TcpListener(IPAddress.Loopback, 0))
    {
        listener.Start();
        port = ((IPEndPoint)listener.LocalEndpoint).Port;
    }
    var app = ExplorerApp.Build(new ExplorerOptions(node.RpcUrl, deploymentFile, RepoPaths.SharedDataDir, $"http://127.0.0.1:{port}"));
    await app.StartAsync();
    return new ExplorerRun(app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) });
}

async Task<long> TimedGetAsync(ExplorerRun explorer, string? label)
{
    var clock = Stopwatch.StartNew();
    using var response = await explorer.Http.GetAsync($"/window/{windowId}");
    var html = await response.Content.ReadAsStringAsync();
    clock.Stop();
    if (response.StatusCode != HttpStatusCode.OK || !html.Contains("<span class=\"agrees\">agrees</span>", StringComparison.Ordinal))
        throw new InvalidOperationException($"GET /window/{windowId} answered {(int)response.StatusCode} without the agreeing verdict");
    if (label is not null)
        Console.WriteLine($"{label}: {clock.ElapsedMilliseconds} ms, {html.Length / 1024} KiB");
    if (htmlOut is not null)
        File.WriteAllText(htmlOut, html);
    return clock.ElapsedMilliseconds;
}

/// <summary>One explorer instance and its HTTP client.</summary>
internal sealed record ExplorerRun(Microsoft.AspNetCore.Builder.WebApplication App, HttpClient Http) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
