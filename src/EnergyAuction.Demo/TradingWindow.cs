using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Demo;

/// <summary>
/// One trading window, driven the way people would: the operator opens it, households look at their meters and place
/// orders, the daemon's oracle job validates the offers, and the demo moves chain time past each deadline once
/// everyone has acted. Everything else (clearing, settlement, closing) is the daemon's doing, watched with
/// `energy window status`.
/// </summary>
public sealed class TradingWindow
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(5);

    private readonly DemoMarket _market;
    private readonly Dictionary<string, double> _phaseSeconds = [];
    private readonly List<PlacedOrder> _orders = [];

    private TradingWindow(DemoMarket market, ulong id, ulong biddingDeadline, ulong matchingDeadline, ulong transferDeadline)
    {
        _market = market;
        Id = id;
        BiddingDeadline = biddingDeadline;
        MatchingDeadline = matchingDeadline;
        TransferDeadline = transferDeadline;
    }

    public ulong Id { get; }

    public ulong BiddingDeadline { get; }

    public ulong MatchingDeadline { get; }

    public ulong TransferDeadline { get; }

    public IReadOnlyList<PlacedOrder> Orders => _orders;

    /// <summary>`energy window open` as the microgrid operator.</summary>
    public static async Task<TradingWindow> OpenAsync(DemoMarket market)
    {
        var opened = await market.Energy.RunAsync([.. market.Terms.OpenArguments(), "--from", MarketParticipants.OperatorWallet])
            .ConfigureAwait(false);
        var window = new TradingWindow(market, opened.ULong("window"), opened.ULong("biddingDeadline"), opened.ULong("matchingDeadline"),
            opened.ULong("transferDeadline"));
        market.Progress.Step($"window {window.Id} open: bidding and offering (dpda, offers validated by the oracle)");
        return window;
    }

    /// <summary>Every prosumer offers what its battery holds; every consumer bids what its meter will import during the
    /// transfer interval. Then waits for the oracle to validate the offers.</summary>
    public async Task PlaceOrdersAsync()
    {
        var clock = Stopwatch.StartNew();
        var sellers = _market.Households.Where(h => h.IsProsumer).ToList();
        var buyers = _market.Households.Where(h => !h.IsProsumer).ToList();
        var offers = await Concurrently.MapAsync(sellers.Select((h, i) => (h, i)), s => OfferAsync(s.h, s.i)).ConfigureAwait(false);
        var bids = await Concurrently.MapAsync(buyers.Select((h, i) => (h, i)), b => BidAsync(b.h, b.i)).ConfigureAwait(false);
        _orders.AddRange(offers.OfType<PlacedOrder>());
        _orders.AddRange(bids);
        var offered = _orders.Where(o => o.IsOffer).Sum(o => o.EnergyWh);
        var bidFor = _orders.Where(o => !o.IsOffer).Sum(o => o.EnergyWh);
        _market.Progress.Step($"window {Id}: {_orders.Count(o => o.IsOffer)} offers ({DemoSummary.Kwh(offered)}) and {_orders.Count(o => !o.IsOffer)} bids ({DemoSummary.Kwh(bidFor)}) placed; "
            + $"{sellers.Count - offers.OfType<PlacedOrder>().Count()} sellers with an empty battery sit out");

        var status = await WaitAsync(s => !s.GetProperty("orders").TryGetProperty("pending-validation", out _), "the oracle to validate the offers")
            .ConfigureAwait(false);
        var orders = status.GetProperty("orders");
        var rejected = orders.TryGetProperty("rejected", out var r) ? r.GetInt32() : 0;
        _market.Progress.Step($"window {Id}: the daemon's oracle job read the batteries through the HEMS: {_orders.Count(o => o.IsOffer) - rejected} offers valid, {rejected} rejected");
        _phaseSeconds["BiddingOffering"] = clock.Elapsed.TotalSeconds;
    }

    /// <summary>Moves chain time past the bidding deadline and waits for the daemon to clear the window.</summary>
    public async Task ClearAsync()
    {
        var clock = Stopwatch.StartNew();
        await _market.Node.PassDeadlineAsync(BiddingDeadline).ConfigureAwait(false);
        _market.Progress.Step($"window {Id}: chain time moved past the bidding deadline; the daemon clears and pairs on the feeder");
        var status = await WaitAsync(s => s.Text("phase") is not ("BiddingOffering" or "Matching"), "the daemon to clear the window").ConfigureAwait(false);
        _phaseSeconds["Matching"] = clock.Elapsed.TotalSeconds;
        _market.Progress.Step($"window {Id}: cleared at {WindowTerms.Gwei(status.Wei("price"))}/kWh with {status.GetProperty("matches").GetInt32()} matches ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>Moves chain time past the transfer deadline and waits for the daemon to settle and close the window.</summary>
    public async Task SettleAsync()
    {
        var clock = Stopwatch.StartNew();
        await _market.Node.PassDeadlineAsync(TransferDeadline).ConfigureAwait(false);
        _market.Progress.Step($"window {Id}: energy transferred; chain time past the transfer deadline, the daemon asks the oracle for the meters' deliveries");
        var status = await WaitAsync(s => s.Text("phase") is "Closed" or "Cancelled", "the daemon to settle and close the window").ConfigureAwait(false);
        _phaseSeconds["Settlement"] = clock.Elapsed.TotalSeconds;
        _market.Progress.Step($"window {Id}: {status.Text("phase")} ({clock.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>The window as the CLI reports it: status, every household's trades, and `energy market verify`'s verdict.</summary>
    public async Task<WindowResult> ResultAsync()
    {
        var energy = _market.Energy;
        var status = await energy.RunAsync("window", "status", Id.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var (verifyCode, verify, verifyError) = await energy.TryRunAsync("market", "verify", "--window", Id.ToString(CultureInfo.InvariantCulture),
            "--data-dir", _market.DataDirectory).ConfigureAwait(false);
        var verdict = verify?.Text("verdict") ?? $"error: {verifyError}";
        var differences = verify is { } v ? v.GetProperty("differences").EnumerateArray().Select(d => d.GetString()!).ToList() : [verifyError];
        if (verifyCode == 0) _market.Progress.Step($"window {Id}: `energy market verify` recomputed the clearing from the chain: {verdict}");
        else _market.Progress.Step($"window {Id}: `energy market verify` says {verdict}: {string.Join("; ", differences)}");

        var trades = await Concurrently.MapAsync(_orders, async o => (Order: o, Trades: await energy.RunAsync("trades", "--window",
            Id.ToString(CultureInfo.InvariantCulture), "--from", o.Household.Wallet).ConfigureAwait(false))).ConfigureAwait(false);
        var matches = trades.Where(t => !t.Order.IsOffer).SelectMany(t => t.Trades.EnumerateArray().Select(m => ToMatch(m, t.Order.Household.Meter)))
            .OrderBy(m => m.BidId).ThenBy(m => m.OfferId).ToList();
        var households = trades.Select(t => ToHousehold(t.Order, t.Trades)).ToList();
        return new WindowResult(Id, status.Text("phase"), status.Wei("price"), matches, households, matches.Aggregate(BigInteger.Zero, (s, m) => s + m.Fee),
            verdict, differences, _phaseSeconds);
    }

    private MatchResult ToMatch(JsonElement trade, string buyer)
    {
        var counterparty = trade.Text("counterparty");
        var wallet = _market.People.WalletOf(counterparty);
        var seller = _market.Households.FirstOrDefault(h => h.Wallet == wallet)?.Meter ?? counterparty;
        var settled = trade.GetProperty("settled").GetBoolean();
        if (!settled)
            return new MatchResult(trade.ULong("offer"), trade.ULong("bid"), seller, buyer, trade.Long("distanceM"), trade.Long("energyWh"), 0, 0, 0, 0, 0);
        // The buyer pays for the energy traded, its fee half and its own penalty; the seller is credited the payment less its
        // fee half plus the buyer's penalty; the seller's penalty (to the buyer) comes out of its collateral (MARKET.md).
        var (payment, half) = (trade.Wei("paymentWei"), trade.Wei("feeHalfWei"));
        var (sellerPenalty, buyerPenalty) = (trade.Wei("sellerPenaltyWei"), trade.Wei("buyerPenaltyWei"));
        return new MatchResult(trade.ULong("offer"), trade.ULong("bid"), seller, buyer, trade.Long("distanceM"), trade.Long("energyWh"),
            trade.Long("tradedWh"), payment + half + buyerPenalty, payment - half + buyerPenalty, 2 * half, sellerPenalty + buyerPenalty);
    }

    /// <summary>What the settled matches moved to (positive) or from (negative) the household: payments, its fee halves and
    /// the penalties both ways, as `energy trades` reports them; the order fee its order paid comes on top.</summary>
    private static HouseholdResult ToHousehold(PlacedOrder order, JsonElement trades)
    {
        var mine = trades.EnumerateArray().Where(t => t.GetProperty("settled").GetBoolean()).ToList();
        var net = mine.Aggregate(BigInteger.Zero, (s, t) => s + t.Wei("netWei"));
        var traded = trades.EnumerateArray().Sum(t => t.Long("energyWh"));
        return new HouseholdResult(order.Household.Meter, order.IsOffer ? "seller" : "buyer", order.OrderId, order.EnergyWh, order.Price, order.Deposit,
            order.OrderFee, traded > 0 ? "matched" : "not matched", traded, mine.Sum(t => t.Long("tradedWh")), net, trades.GetArrayLength());
    }

    private async Task<PlacedOrder?> OfferAsync(DemoHousehold seller, int index)
    {
        var wh = OrderSizing.Offer(await _market.Hems.BatteryWhAsync(seller.Meter).ConfigureAwait(false));
        if (wh == 0) return null;
        return await PlaceAsync(seller, "offer", "--min-price", wh, OrderPricing.Ask(index)).ConfigureAwait(false);
    }

    private async Task<PlacedOrder> BidAsync(DemoHousehold buyer, int index)
    {
        var wh = OrderSizing.Bid(await _market.Hems.ImportedWhAsync(buyer.Meter, MatchingDeadline, TransferDeadline).ConfigureAwait(false));
        return await PlaceAsync(buyer, "bid", "--max-price", wh, OrderPricing.Bid(index)).ConfigureAwait(false);
    }

    private async Task<PlacedOrder> PlaceAsync(DemoHousehold household, string side, string priceOption, long wh, BigInteger price)
    {
        var placed = await _market.Energy.RunAsync(side, "--kwh", $"{wh}Wh", priceOption, WindowTerms.Gwei(price), "--meter", household.Meter,
            "--window", Id.ToString(CultureInfo.InvariantCulture), "--yes", "--from", household.Wallet).ConfigureAwait(false);
        return new PlacedOrder(household, side == "offer", placed.ULong("order"), wh, price, placed.Wei("depositWei"), placed.Wei("orderFeeWei"));
    }

    /// <summary>Polls `energy window status` until <paramref name="done"/>; fails with the daemon's last log lines.</summary>
    private async Task<JsonElement> WaitAsync(Func<JsonElement, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (true)
        {
            var status = await _market.Energy.RunAsync("window", "status", Id.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            if (done(status)) return status;
            if (_market.Daemon.StuckService() is { } stuck)
                throw new DemoException($"window {Id}: gave up waiting for {what} (phase {status.Text("phase")}): the daemon keeps failing: {stuck}");
            if (_market.Daemon.HasExited || DateTime.UtcNow > deadline)
                throw new DemoException($"window {Id}: gave up waiting for {what} (phase {status.Text("phase")}"
                    + $"{(_market.Daemon.HasExited ? ", the daemon exited" : "")}). The daemon's last lines:\n{LastLines(_market.Daemon.Output, 30)}");
            await Task.Delay(300, _market.Cancellation).ConfigureAwait(false);
        }
    }

    private static string LastLines(string text, int count) => string.Join('\n', text.Split('\n').TakeLast(count));
}
