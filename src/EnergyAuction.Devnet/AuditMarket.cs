using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Services;
using EnergyAuction.Clearing;
using EnergyAuction.Data;

namespace EnergyAuction.Devnet;

/// <summary>
/// A market on its own Hardhat node with windows to audit: one cleared honestly and settled as fully delivered, one whose operator posted the honest
/// matches at a lower price, one whose operator stretched the last match's distance, and one still taking orders. A seller with
/// meters S-1..S-3 (bus 34) and a buyer with meters B-1..B-3 (bus 70) own the orders, one meter per order of a window. The explorer's HTTP and browser tests look at it.
/// </summary>
public sealed class AuditMarket : IAsyncDisposable
{
    public static readonly BigInteger Gwei = 1_000_000_000;

    /// <summary>How far below the honest price the tampered window's price was posted.</summary>
    public static readonly BigInteger PriceCut = 5_000 * Gwei;

    private AuditMarket(HardhatNode node, string deploymentFile, MarketClient operatorClient)
    {
        Node = node;
        DeploymentFile = deploymentFile;
        Operator = operatorClient;
    }

    public HardhatNode Node { get; }

    public string DeploymentFile { get; }

    /// <summary>The operator's client (Hardhat account 0): the chain truth the tests compare pages with.</summary>
    public MarketClient Operator { get; }

    /// <summary>A window cleared honestly and the plan that was posted; settled as if every match were delivered (no
    /// reading arrived), so the sellers and the DSO have credits in withdrawable.</summary>
    public (ulong Id, ClearingPlan Plan) Honest { get; private set; }

    /// <summary>A window whose honest matches were posted at <see cref="PriceCut"/> below the honest price.</summary>
    public ulong TamperedPrice { get; private set; }

    /// <summary>A window posted at the honest price with a quarter of its last match (1-based number) moved to another
    /// winning offer with energy to spare: the operator favouring a seller, which every rule the chain checks allows.</summary>
    public (ulong Id, int MatchNumber) TamperedMatch { get; private set; }

    /// <summary>A window still taking orders (for 60 s of chain time after the market was set up).</summary>
    public ulong Bidding { get; private set; }

    /// <summary>The buyer's account, owner of meter B-1.</summary>
    public static AccountKey Buyer => HardhatAccounts.Keys[2];

    /// <summary>The seller's account, owner of meter S-1.</summary>
    public static AccountKey Seller => HardhatAccounts.Keys[1];

    /// <summary>Starts a node, deploys the market and sets up the windows.</summary>
    public static async Task<AuditMarket> StartAsync()
    {
        var node = await HardhatNode.StartAsync().ConfigureAwait(false);
        AuditMarket? market = null;
        try
        {
            var deploymentFile = await MarketDeployment.DeployAsync(node, feeRecipientAddress: HardhatAccounts.Keys[5].Address).ConfigureAwait(false);
            market = new AuditMarket(node, deploymentFile, new MarketClient(node.Rpc, MarketDeploymentRecord.Load(deploymentFile), node.Accounts[0]));
            await market.SetUpWindowsAsync().ConfigureAwait(false);
            return market;
        }
        catch
        {
            if (market is not null) await market.DisposeAsync().ConfigureAwait(false);
            else await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The order fee of the audit windows: the operator daemon's default (docs/OPERATOR.md), so what the
    /// explorer shows is what a real market charges.</summary>
    public const long OrderFeeWei = 1_000_000_000_000;

    /// <summary>Opens a new window taking orders for 60 s of chain time.</summary>
    public async Task<ulong> OpenWindowAsync() =>
        (await Operator.Trade.OpenWindowAsync(WindowParams.ForTests(orderFee: OrderFeeWei)).ConfigureAwait(false)).WindowId;

    /// <summary>Places a bid for the buyer on one of its meters (B-1 unless said) in a window; returns its order id.</summary>
    public async Task<ulong> BidAsync(ulong window, ulong wh, BigInteger maxPrice, string meter = "B-1") =>
        (await Operator.As(Buyer).Trade.SubmitBidAsync(window, meter, wh, maxPrice).ConfigureAwait(false)).OrderId;

    public async ValueTask DisposeAsync()
    {
        Operator.Dispose();
        await Node.DisposeAsync().ConfigureAwait(false);
    }

    private async Task SetUpWindowsAsync()
    {
        var deployment = Operator.Deployment;
        foreach (var (key, meter, bus) in new[] { 1, 2, 3 }.SelectMany(n => new[] { (Seller, $"S-{n}", 34u), (Buyer, $"B-{n}", 70u) }))
        {
            await Operator.As(HardhatAccounts.Registrar).DataAccess.RegisterMeterAsync(meter, key.Address, bus).ConfigureAwait(false);
            await Operator.As(key).DataAccess.GrantAccessAsync(meter, deployment.EnergyTrade).ConfigureAwait(false);
        }

        var honest = await WindowInMatchingAsync().ConfigureAwait(false);
        var plan = await HonestPlanAsync(honest).ConfigureAwait(false);
        await PostAsync(honest, plan.Price, plan.Matches).ConfigureAwait(false);
        Honest = (honest, plan);
        await SettleInFullAsync(honest, plan).ConfigureAwait(false);

        TamperedPrice = await WindowInMatchingAsync().ConfigureAwait(false);
        var pricePlan = await HonestPlanAsync(TamperedPrice).ConfigureAwait(false);
        await PostAsync(TamperedPrice, pricePlan.Price - PriceCut, pricePlan.Matches).ConfigureAwait(false);

        var matchWindow = await WindowInMatchingAsync().ConfigureAwait(false);
        var matchPlan = await HonestPlanAsync(matchWindow).ConfigureAwait(false);
        var last = matchPlan.Matches[^1];
        var shift = last.EnergyWh / 4;
        var sold = matchPlan.Matches.GroupBy(m => m.OfferId).ToDictionary(g => g.Key, g => g.Aggregate(0UL, (sum, m) => sum + m.EnergyWh));
        // All sellers share one bus, so the favoured offer is as far from the buyer as the honest one.
        var favoured = (await WindowOrderBook.ReadInMatchingAsync(Operator, matchWindow).ConfigureAwait(false))
            .First(o => o.Order.Side == OrderSide.Offer && o.OrderId != last.OfferId && o.Order.Price <= matchPlan.Price
                && o.Order.EnergyWh - sold.GetValueOrDefault(o.OrderId) >= shift);
        var matches = matchPlan.Matches.Take(matchPlan.Matches.Count - 1)
            .Append(last with { EnergyWh = last.EnergyWh - shift })
            .Append(last with { OfferId = favoured.OrderId, EnergyWh = shift }).ToList();
        await PostAsync(matchWindow, matchPlan.Price, matches).ConfigureAwait(false);
        TamperedMatch = (matchWindow, matchPlan.Matches.Count);

        Bidding = await OpenWindowAsync().ConfigureAwait(false);
    }

    // Every matched order read as exactly its matched energy, both sides, and every bid settled: the honest window ends in
    // Settlement with a MatchSettled event per match and the DSO's, sellers' and buyers' credits in withdrawable.
    private async Task SettleInFullAsync(ulong window, ClearingPlan plan)
    {
        await Node.PassDeadlineAsync((await Operator.Trade.GetWindowAsync(window).ConfigureAwait(false)).TransferDeadline).ConfigureAwait(false);
        await Operator.Trade.AdvancePhaseAsync(window).ConfigureAwait(false);
        await OracleNodeReadings.AnswerInFullAsync(Operator, window, plan.Matches).ConfigureAwait(false);
        await Operator.Trade.SettleAsync(window, [.. plan.Matches.Select(m => m.BidId).Distinct()]).ConfigureAwait(false);
    }

    private async Task PostAsync(ulong window, BigInteger price, IReadOnlyList<ChainMatch> matches)
    {
        await Operator.Trade.PostClearingAsync(window, price, matches).ConfigureAwait(false);
        await Operator.Trade.FinaliseClearingAsync(window).ConfigureAwait(false);
    }

    // Offers at 40, 45, 70 and bids at 60, 55, 30 thousand gwei/kWh, 5 kWh and 4 kWh each (the CLI tests' window), bidding closed.
    private async Task<ulong> WindowInMatchingAsync()
    {
        var window = await OpenWindowAsync().ConfigureAwait(false);
        var seller = Operator.As(Seller);
        foreach (var (price, n) in new[] { 40_000, 45_000, 70_000 }.Select((p, i) => (p, i + 1)))
            await seller.Trade.SubmitOfferAsync(window, $"S-{n}", 5_000, price * Gwei).ConfigureAwait(false);
        foreach (var (price, n) in new[] { 60_000, 55_000, 30_000 }.Select((p, i) => (p, i + 1)))
            await BidAsync(window, 4_000, price * Gwei, $"B-{n}").ConfigureAwait(false);
        await Node.PassDeadlineAsync((await Operator.Trade.GetWindowAsync(window).ConfigureAwait(false)).BiddingDeadline).ConfigureAwait(false);
        await Operator.Trade.AdvancePhaseAsync(window).ConfigureAwait(false);
        return window;
    }

    private async Task<ClearingPlan> HonestPlanAsync(ulong window)
    {
        var info = await Operator.Trade.GetWindowAsync(window).ConfigureAwait(false);
        var orders = await WindowOrderBook.ReadInMatchingAsync(Operator, window).ConfigureAwait(false);
        var limits = await Operator.Trade.GetLimitsAsync().ConfigureAwait(false);
        var feeder = ClearingFeeder.Load(SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir)).Distances;
        return WindowClearing.Compute(info.Params, orders, feeder, limits.MaxMatchesPerBid);
    }
}
