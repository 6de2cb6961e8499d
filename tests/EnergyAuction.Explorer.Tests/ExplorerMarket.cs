using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Clearing;
using EnergyAuction.Devnet;
using Microsoft.AspNetCore.Builder;

namespace EnergyAuction.Explorer.Tests;

/// <summary>One Hardhat node for the whole test run with Devnet's <see cref="AuditMarket"/> (an honest window, tampered ones,
/// one still bidding), and the explorer serving it over real HTTP.</summary>
[SetUpFixture]
public sealed class ExplorerMarket
{
    private static AuditMarket _market = null!;
    private static WebApplication _app = null!;

    /// <summary>The operator's client (the tests' chain truth).</summary>
    public static MarketClient Operator => _market.Operator;

    /// <summary>The explorer over HTTP.</summary>
    public static HttpClient Http { get; private set; } = null!;

    /// <summary>A window cleared honestly and its posted plan.</summary>
    public static (ulong Id, ClearingPlan Plan) Honest => _market.Honest;

    /// <summary>A window whose operator posted the honest matches at a lower price.</summary>
    public static ulong Tampered => _market.TamperedPrice;

    /// <summary>A window still taking orders.</summary>
    public static ulong Bidding => _market.Bidding;

    /// <summary>The buyer's account.</summary>
    public static AccountKey Buyer => AuditMarket.Buyer;

    /// <summary>The node, for moving chain time.</summary>
    public static HardhatNode Node => _market.Node;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _market = await AuditMarket.StartAsync();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        _app = ExplorerApp.Build(new ExplorerOptions(_market.Node.RpcUrl, _market.DeploymentFile, RepoPaths.SharedDataDir, url));
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Http?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_market is not null) await _market.DisposeAsync();
    }

    /// <summary>Places a bid for the buyer in a window.</summary>
    public static Task<ulong> BidAsync(ulong window, ulong wh, BigInteger maxPrice) => _market.BidAsync(window, wh, maxPrice);
}
