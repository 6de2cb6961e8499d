using EnergyAuction.Data.Feeder;

// One window with 1,000 offers and 1,000 bids run by the operator daemon on a local Hardhat node, phases
// accelerated with evm_increaseTime. Prints the time from bidding close to clearing finalised and from transfer end
// to settlement complete, and gas per match and per buyer; the last line is one JSON object.
//   dotnet run -c Release --project bench/EnergyAuction.Operator.Benchmarks -- [offers] [bids]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Chain.Transactions;
using EnergyAuction.Hems;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Settlement;
using EnergyAuction.Operator;
using EnergyAuction.Operator.Benchmarks;
using EnergyAuction.Operator.Options;
using EnergyAuction.Devnet;
using Microsoft.Extensions.Logging;

var offerCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000;
var bidCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
var gwei = new BigInteger(1_000_000_000);
var dir = Directory.CreateTempSubdirectory("bench-operator-").FullName;

await using var node = await HardhatNode.StartAsync();
const string hemsWriteToken = "bench-operator-hems-write-token";
var hems = HemsApp.Build(new HemsOptions { Urls = "http://127.0.0.1:0", DataDirectory = RepoPaths.SharedDataDir, Origin = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600, WriteToken = hemsWriteToken },
    ["--Logging:LogLevel:Default=Warning"]);
await hems.StartAsync();
var hemsUrl = HemsApp.BaseAddress(hems).ToString().TrimEnd('/');
var daemonKey = await node.NewFundedKeyAsync();
var deploymentFile = await MarketDeployment.DeployAsync(node, daemonKey.Address, daemonKey.Address, hemsUrl,
    feeRecipientAddress: node.Accounts[19].Address);
var deployment = MarketDeploymentRecord.Load(deploymentFile);
using var admin = new MarketClient(node.Rpc, deployment, node.Accounts[0]);
using var registrar = admin.As(HardhatAccounts.Registrar);

// Households M-1..M-55 on their IEEE feeder buses, each with its own key.
var feeder = FeederFiles.LoadDirectory(Path.Combine(RepoPaths.SharedDataDir, "ieee-eu-lv"));
var households = new Dictionary<string, MarketClient>();
for (var n = 1; n <= BenchOrders.Households; n++)
{
    var meter = $"M-{n}";
    var key = await node.NewFundedKeyAsync(BigInteger.Pow(10, 24));
    await registrar.DataAccess.RegisterMeterAsync(meter, key.Address, uint.Parse(feeder.LoadBus[$"LOAD{n}"], CultureInfo.InvariantCulture));
    households[meter] = admin.As(key);
    await households[meter].DataAccess.GrantAccessAsync(meter, deployment.EnergyTrade);
}

var parameters = new WindowParams(BiddingDuration: 3_600, MatchingDuration: 3_600, TransferDuration: 600, SettlementDuration: 3_600, GracePeriod: 600,
    MaxEnergyWh: 50_000, ReferencePrice: 150 * gwei, GridCharge: gwei, MaxDistanceM: 5_000, PenaltyRate: 50 * gwei,
    Mechanism: Mechanism.Dpda, ValidateOffers: false);
var (windowId, _) = await admin.Trade.OpenWindowAsync(parameters);
var window = await admin.Trade.GetWindowAsync(windowId);

// Orders go in back to back per household, households in parallel (fixed gas, deposits computed with the engine's own rules).
var placing = Stopwatch.StartNew();
var orders = BenchOrders.Generate(offerCount, bidCount);
await Task.WhenAll(orders.GroupBy(o => o.Meter).Select(async group =>
{
    var sender = households[group.Key].Transactions!;
    var inputs = group.Select(o => o.IsOffer
        ? admin.Trade.SubmitOfferInput(windowId, o.Meter, o.EnergyWh, o.Price, Collateral.ForOffer((long)o.EnergyWh, parameters.PenaltyRate), 400_000)
        : admin.Trade.SubmitBidInput(windowId, o.Meter, o.EnergyWh, o.Price,
            Escrow.ForBid((long)o.EnergyWh, o.Price, parameters.GridCharge, parameters.MaxDistanceM), 400_000)).ToList();
    // One request per transaction: Hardhat's automine rejects a JSON-RPC batch's later nonces.
    var receipts = await sender.SendManyAsync(inputs);
    if (receipts.Any(r => !r.Succeeded)) throw new InvalidOperationException($"an order from {group.Key} reverted");
}));
Console.WriteLine($"placed {offerCount} offers and {bidCount} bids in {placing.Elapsed.TotalSeconds:0.0} s");

// Every buyer's meter imports plenty during the transfer interval, except every fifth, which falls short.
using (var http = new HttpClient { BaseAddress = new Uri(hemsUrl), DefaultRequestHeaders = { Authorization = new("Bearer", hemsWriteToken) } })
    for (var n = BenchOrders.Sellers + 1; n <= BenchOrders.Households; n++)
    {
        var received = n % 5 == 0 ? 1_500L : 1_000_000L;
        var response = await http.PostAsJsonAsync($"/meters/M-{n}/readings", new object[]
        {
            new { timestamp = (long)window.MatchingDeadline, importWh = 0L },
            new { timestamp = (long)window.TransferDeadline, importWh = received },
        });
        response.EnsureSuccessStatusCode();
    }

const string password = "bench";
var keystore = Path.Combine(dir, "operator.json");
File.WriteAllText(keystore, new Keystore(pbkdf2Iterations: 1024).EncryptAndSerialize(daemonKey, password, KdfKind.Pbkdf2));
File.WriteAllText(Path.Combine(dir, "password"), password);
var options = new OperatorOptions
{
    RpcUrl = node.RpcUrl,
    DeploymentFile = deploymentFile,
    KeystoreFile = keystore,
    PasswordFile = Path.Combine(dir, "password"),
    HemsBaseUrl = hemsUrl,
    DataDirectory = RepoPaths.SharedDataDir,
    CheckpointFile = Path.Combine(dir, "checkpoint.json"),
    StatusUrl = "http://127.0.0.1:0",
    PollIntervalMilliseconds = 100,
};
var daemon = OperatorApp.Build(options, logging =>
{
    logging.ClearProviders();
    logging.AddConsole();
    logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
});
await daemon.StartAsync();

async Task<double?> SecondsUntilAsync(Func<WindowInfo, bool> reached, TimeSpan limit)
{
    var clock = Stopwatch.StartNew();
    while (!reached(await admin.Trade.GetWindowAsync(windowId)))
    {
        if (clock.Elapsed > limit) return null;
        await Task.Delay(50);
    }
    return clock.Elapsed.TotalSeconds;
}

await node.IncreaseTimeAsync((long)(window.BiddingDeadline - await node.LatestTimestampAsync()) + 1);
var clearingSeconds = await SecondsUntilAsync(w => w.Phase == WindowPhase.EnergyTransfer, TimeSpan.FromMinutes(20))
    ?? throw new TimeoutException("the clearing was not finalised within 20 minutes");
await node.IncreaseTimeAsync((long)(window.TransferDeadline - await node.LatestTimestampAsync()) + 1);
// Settlement is complete when every matched buyer is settled; closing (refunds of unmatched orders) is timed on its own.
var settlementSeconds = await SecondsUntilAsync(w => w.Phase == WindowPhase.Closed || (w.Phase == WindowPhase.Settlement && w.UnsettledBids == 0), TimeSpan.FromMinutes(20))
    ?? throw new TimeoutException("settlement did not complete within 20 minutes");
var closeSeconds = await SecondsUntilAsync(w => w.Phase == WindowPhase.Closed, TimeSpan.FromSeconds(30));
await daemon.StopAsync();
await daemon.DisposeAsync();

var cleared = await admin.Trade.GetWindowAsync(windowId);
var from = deployment.Block;
var posted = await admin.Trade.GetEventsAsync<ClearingPostedEvent>(from, null, windowId);
var finalised = await admin.Trade.GetEventsAsync<ClearingFinalisedEvent>(from, null, windowId);
var requested = await admin.Trade.GetEventsAsync<SettlementReadingRequestedEvent>(from, null, windowId);
var reported = await admin.Trade.GetEventsAsync<ReadingReportedEvent>(from, null, windowId);
var settledMatches = await admin.Trade.GetEventsAsync<MatchSettledEvent>(from, null, windowId);
// Every closeWindow call (a batch of returned deposits) emits WindowClosing; the last one also WindowClosed.
var closing = await admin.Trade.GetEventsAsync<WindowClosingEvent>(from, null, windowId);
var buyers = settledMatches.Select(r => r.Event.BidId).Distinct().Count();
var postGas = await GasFigures.TotalAsync(node.Rpc, posted.Select(e => e.TransactionHash));
var finaliseGas = await GasFigures.TotalAsync(node.Rpc, finalised.Select(e => e.TransactionHash));
var requestGas = await GasFigures.TotalAsync(node.Rpc, requested.Select(e => e.TransactionHash));
var fulfilGas = await GasFigures.TotalAsync(node.Rpc, reported.Select(e => e.TransactionHash));
var settleGas = await GasFigures.TotalAsync(node.Rpc, settledMatches.Select(e => e.TransactionHash).Distinct());
var closeGas = await GasFigures.TotalAsync(node.Rpc, closing.Select(e => e.TransactionHash).Distinct());
var matches = (long)cleared.MatchCount;
var gasPerMatch = matches == 0 ? 0 : (long)(postGas / matches);
var gasPerBuyer = buyers == 0 ? 0 : (long)((requestGas + fulfilGas + settleGas) / buyers);

Console.WriteLine($"window {windowId}: {matches} matches at {cleared.Price / gwei} gwei/kWh in {posted.Count} batches, {buyers} matched buyers, {reported.Count} readings (both sides)");
Console.WriteLine($"bidding close -> clearing finalised: {clearingSeconds:0.0} s");
Console.WriteLine($"transfer end -> settlement complete (every matched buyer settled): {settlementSeconds:0.0} s");
Console.WriteLine(closeSeconds is { } s
    ? $"settlement complete -> window closed: {s:0.0} s"
    : "window not closed within 30 s of settlement (see the daemon's log above)");
Console.WriteLine($"gas per match (postClearing): {gasPerMatch:N0}; finaliseClearing {finaliseGas:N0}");
Console.WriteLine($"gas per buyer (its and its sellers' reading requests + oracle fulfilments + settle): {gasPerBuyer:N0} ({requestGas / Math.Max(buyers, 1):N0} + {fulfilGas / Math.Max(buyers, 1):N0} + {settleGas / Math.Max(buyers, 1):N0}); closeWindow {closeGas:N0} in {closing.Count} calls");
await hems.StopAsync();
await hems.DisposeAsync();
Directory.Delete(dir, recursive: true);
Console.WriteLine(JsonSerializer.Serialize(new
{
    offers = offerCount,
    bids = bidCount,
    matches,
    buyers,
    batches = posted.Count,
    clearingSeconds = Math.Round(clearingSeconds, 1),
    settlementSeconds = Math.Round(settlementSeconds, 1),
    closed = closeSeconds is not null,
    gasPerMatch,
    gasPerBuyer,
    finaliseGas = (long)finaliseGas,
    closeWindowGas = (long)closeGas,
    closeWindowCalls = closing.Count,
}));
