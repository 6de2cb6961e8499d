using System.Net;
using System.Net.Sockets;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Services;
using EnergyAuction.Clearing;
using EnergyAuction.Data;
using EnergyAuction.Devnet;
using Microsoft.AspNetCore.Builder;

namespace EnergyAuction.Explorer.Tests;

/// <summary>One Hardhat node for the whole test run with two cleared windows (one honest, one whose price was tampered
/// with by an operator key) and a third still bidding, and the explorer serving it over real HTTP.</summary>
[SetUpFixture]
public sealed class ExplorerMarket
{
    private static readonly BigInteger Gwei = 1_000_000_000;
    private static HardhatNode _node = null!;
    private static WebApplication _app = null!;

    /// <summary>The operator's client (the tests' chain truth).</summary>
    public static MarketClient Operator { get; private set; } = null!;

    /// <summary>The explorer over HTTP.</summary>
    public static HttpClient Http { get; private set; } = null!;

    /// <summary>A window cleared honestly, its posted plan, and the buyer who owns its bids.</summary>
    public static (ulong Id, ClearingPlan Plan) Honest { get; private set; }

    /// <summary>A window whose operator posted the honest matches at a lower price.</summary>
    public static ulong Tampered { get; private set; }

    /// <summary>The fee recipient (the DSO) of every window.</summary>
    public static AccountKey Dso => HardhatAccounts.Keys[5];

    /// <summary>The seller's account.</summary>
    public static AccountKey Seller => HardhatAccounts.Keys[1];

    /// <summary>A window still taking orders.</summary>
    public static ulong Bidding { get; private set; }

    /// <summary>The buyer's account.</summary>
    public static AccountKey Buyer => HardhatAccounts.Keys[2];

    /// <summary>The market's deployment record file.</summary>
    public static string DeploymentFile { get; private set; } = null!;

    /// <summary>The node, for moving chain time.</summary>
    public static HardhatNode Node => _node;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _node = await HardhatNode.StartAsync();
        var deploymentFile = await MarketDeployment.DeployAsync(_node, feeRecipientAddress: Dso.Address);
        DeploymentFile = deploymentFile;
        Operator = new MarketClient(_node.Rpc, MarketDeploymentRecord.Load(deploymentFile), _node.Accounts[0]);
        var deployment = Operator.Deployment;
        // One order per meter per window: the seller's three offers and the buyer's three bids each have a meter, all on one bus.
        var meters = new[] { "1", "2", "3" }.SelectMany(n => new[] { (HardhatAccounts.Keys[1], $"S-{n}", 34u), (Buyer, $"B-{n}", 70u) });
        foreach (var (key, meter, bus) in meters)
        {
            await Operator.As(HardhatAccounts.Registrar).DataAccess.RegisterMeterAsync(meter, key.Address, bus);
            await Operator.As(key).DataAccess.GrantAccessAsync(meter, deployment.EnergyTrade);
        }

        var honest = await WindowInMatchingAsync();
        var plan = await HonestPlanAsync(honest);
        await Operator.Trade.PostClearingAsync(honest, plan.Price, plan.Matches);
        await Operator.Trade.FinaliseClearingAsync(honest);
        Honest = (honest, plan);

        Tampered = await WindowInMatchingAsync();
        var tamperedPlan = await HonestPlanAsync(Tampered);
        var tamperedPrice = tamperedPlan.Price - 5_000 * Gwei;
        await Operator.Trade.PostClearingAsync(Tampered, tamperedPrice, tamperedPlan.Matches);
        await Operator.Trade.FinaliseClearingAsync(Tampered);

        await SettleInFullAsync(honest, plan);

        (Bidding, _) = await Operator.Trade.OpenWindowAsync(WindowParams.ForTests());

        var port = FreePort();
        _app = ExplorerApp.Build(new ExplorerOptions(_node.RpcUrl, deploymentFile, RepoPaths.SharedDataDir, $"http://127.0.0.1:{port}")
        {
            PollInterval = TimeSpan.FromMilliseconds(200),
        });
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Http?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        Operator?.Dispose();
        if (_node is not null) await _node.DisposeAsync();
    }

    /// <summary>Places a bid for the buyer in a window.</summary>
    public static async Task<ulong> BidAsync(ulong window, ulong wh, BigInteger maxPrice, string meter = "B-1") =>
        (await Operator.As(Buyer).Trade.SubmitBidAsync(window, meter, wh, maxPrice)).OrderId;

    // Offers at 40, 45, 70 and bids at 60, 55, 30 thousand gwei/kWh, 5 kWh and 4 kWh each (the CLI tests' window), bidding closed.
    private static async Task<ulong> WindowInMatchingAsync()
    {
        var (window, _) = await Operator.Trade.OpenWindowAsync(WindowParams.ForTests());
        var seller = Operator.As(HardhatAccounts.Keys[1]);
        foreach (var (price, n) in new[] { (40_000, 1), (45_000, 2), (70_000, 3) })
            await seller.Trade.SubmitOfferAsync(window, $"S-{n}", 5_000, price * Gwei);
        foreach (var (price, n) in new[] { (60_000, 1), (55_000, 2), (30_000, 3) })
            await BidAsync(window, 4_000, price * Gwei, $"B-{n}");
        await _node.PassDeadlineAsync((await Operator.Trade.GetWindowAsync(window)).BiddingDeadline);
        await Operator.Trade.AdvancePhaseAsync(window);
        return window;
    }

    // Every matched order read as exactly its matched energy, both sides, and every bid settled: the honest window ends in
    // Settlement with a MatchSettled event per match and the DSO's, sellers' and buyers' credits in withdrawable.
    private static async Task SettleInFullAsync(ulong window, ClearingPlan plan)
    {
        await _node.PassDeadlineAsync((await Operator.Trade.GetWindowAsync(window)).TransferDeadline);
        await Operator.Trade.AdvancePhaseAsync(window);
        await OracleNodeReadings.AnswerInFullAsync(Operator, window, plan.Matches);
        await Operator.Trade.SettleAsync(window, [.. plan.Matches.Select(m => m.BidId).Distinct()]);
    }

    private static async Task<ClearingPlan> HonestPlanAsync(ulong window)
    {
        var info = await Operator.Trade.GetWindowAsync(window);
        var orders = await WindowOrderBook.ReadInMatchingAsync(Operator, window);
        var limits = await Operator.Trade.GetLimitsAsync();
        var feeder = ClearingFeeder.Load(SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir)).Distances;
        return WindowClearing.Compute(info.Params, orders, feeder, limits.MaxMatchesPerBid);
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
