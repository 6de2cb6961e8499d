using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Cli;
using EnergyAuction.Devnet;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.KeyStore;

namespace EnergyAuction.Demo.Load;

/// <summary>
/// One window with many households (scripts/bench-market.sh): the same node, HEMS, deployment and operator daemon as
/// the demo, but households are set up and place their orders through the Chain library directly (each signs its own
/// transaction, many in flight) instead of one `energy` process per order; after the close every household, the DSO
/// and the operator (its order fees) withdraw what the market credited them, which must leave the market holding nothing. Measures order throughput,
/// real time per phase, gas per operation, the largest transaction against the block gas limit and the daemon's peak
/// memory.
/// </summary>
public static class LoadRun
{
    private const int InFlight = 32;
    private static readonly BigInteger OrderGas = 1_000_000;
    private static readonly BigInteger RegisterGas = 200_000;

    /// <summary>Registrations mined per block: about 24 M gas, well under Hardhat's block gas limit.</summary>
    private const int MetersPerBlock = 250;
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    /// <summary>LINK added to the oracle client per household: more than an order's reservation for its readings.</summary>
    private static readonly BigInteger LinkPerHousehold = Ether / 2;

    /// <summary>How long one phase may take: the daemon's oracle job fulfils one reading per transaction, about ten a
    /// second on a busy two-core machine, so settlement grows with the households.</summary>
    private static TimeSpan PhaseTimeout(int households) => TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(0.3 * households);

    public static async Task<LoadFigures> RunAsync(int households, string? dataDirectory, TextWriter output, CancellationToken ct)
    {
        var progress = new Progress(output);
        var groups = new List<int>();
        await using var services = await MarketServices.StartAsync(households, dataDirectory, "bench-market", progress, groups).ConfigureAwait(false);
        var passwordFile = Path.Combine(services.WorkDirectory, "password.txt");
        SecretFile.Write(passwordFile, "load run");
        var keystoreFile = Path.Combine(services.WorkDirectory, "daemon.keystore.json");
        SecretFile.Write(keystoreFile, new Keystore(pbkdf2Iterations: 1024).EncryptAndSerialize(MarketServices.DaemonKey, "load run", KdfKind.Pbkdf2));
        var daemon = await services.StartDaemonAsync(keystoreFile, passwordFile, progress).ConfigureAwait(false);

        var node = services.Node;
        var deployment = services.Deployment;
        using var admin = new MarketClient(node.Rpc, deployment, HardhatAccounts.Keys[0]);
        var firstBlock = await node.Rpc.BlockNumberAsync().ConfigureAwait(false);
        var phases = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();

        // deploy.js funds the oracle client for the demo's windows; every order reserves LINK for its readings.
        await admin.Link.MintAsync(deployment.EnergyOracleClient, households * LinkPerHousehold).ConfigureAwait(false);
        var people = services.Households.Select(h => (Household: h, Key: AccountKey.GenerateNew())).ToList();
        await Concurrently.ForEachAsync(people, p => node.SetBalanceAsync(p.Key.Address, Ether), InFlight).ConfigureAwait(false);
        using (var registrar = admin.As(HardhatAccounts.Registrar))
            await RegisterMetersAsync(node, registrar, people).ConfigureAwait(false);
        var clients = people.Select(p => (p.Household, Client: admin.As(p.Key))).ToList();
        await Concurrently.ForEachAsync(clients, c => c.Client.DataAccess.GrantAccessAsync(c.Household.Meter, deployment.EnergyTrade), InFlight).ConfigureAwait(false);
        phases["setup: fund, register, grant"] = Lap(clock);
        progress.Step($"{people.Count} households funded, meters registered (pipelined batches) and granted ({phases["setup: fund, register, grant"]:0.0} s)");

        var terms = WindowTerms.For(households);
        var (windowId, _) = await admin.Trade.OpenWindowAsync(terms.Params()).ConfigureAwait(false);
        var window = await admin.Trade.GetWindowAsync(windowId).ConfigureAwait(false);
        var orders = await PrepareOrdersAsync(services.Hems, admin, clients, window, windowId).ConfigureAwait(false);
        phases["orders sized from the HEMS"] = Lap(clock);
        progress.Step($"window {windowId} open; {orders.Count(o => o.IsOffer)} offers and {orders.Count(o => !o.IsOffer)} bids sized from the meters");

        var submitted = Stopwatch.StartNew();
        var hashes = await MapAsync(orders, o => o.Client.Transactions!.SendTransactionAsync(o.IsOffer
            ? o.Client.Trade.SubmitOfferInput(windowId, o.Meter, (ulong)o.EnergyWh, o.Price, o.Deposit, OrderGas)
            : o.Client.Trade.SubmitBidInput(windowId, o.Meter, (ulong)o.EnergyWh, o.Price, o.Deposit, OrderGas))).ConfigureAwait(false);
        var submitSeconds = submitted.Elapsed.TotalSeconds;
        var receipts = await MapAsync(orders.Zip(hashes), o => o.First.Client.Transactions!.WaitForReceiptAsync(o.Second)).ConfigureAwait(false);
        var confirmSeconds = submitted.Elapsed.TotalSeconds;
        if (receipts.Count(r => !r.Succeeded) is var failed and > 0) throw new DemoException($"{failed} orders reverted");
        progress.Step($"{orders.Count} orders submitted in {submitSeconds:0.0} s, confirmed in {confirmSeconds:0.0} s");

        var offers = orders.Count(o => o.IsOffer);
        await UntilAsync(async () => (await admin.Trade.GetEventsAsync<OfferValidatedEvent>(firstBlock).ConfigureAwait(false)).Count
            + (await admin.Trade.GetEventsAsync<OfferRejectedEvent>(firstBlock).ConfigureAwait(false)).Count >= offers,
            "the oracle to validate every offer", daemon, households, ct).ConfigureAwait(false);
        phases["bidding: orders placed, offers validated"] = Lap(clock);
        progress.Step($"the daemon's oracle job validated {offers} offers ({phases["bidding: orders placed, offers validated"]:0.0} s since the window opened)");

        await node.PassDeadlineAsync(window.BiddingDeadline).ConfigureAwait(false);
        await UntilAsync(async () => (await admin.Trade.GetWindowAsync(windowId).ConfigureAwait(false)).Phase >= WindowPhase.EnergyTransfer,
            "the daemon to clear the window", daemon, households, ct).ConfigureAwait(false);
        phases["matching: clear, pair, post, finalise"] = Lap(clock);
        var cleared = await admin.Trade.GetWindowAsync(windowId).ConfigureAwait(false);
        progress.Step($"cleared: {cleared.MatchCount} matches at {cleared.Price} wei/kWh ({phases["matching: clear, pair, post, finalise"]:0.0} s)");

        await node.PassDeadlineAsync(window.TransferDeadline).ConfigureAwait(false);
        await UntilAsync(async () => (await admin.Trade.GetWindowAsync(windowId).ConfigureAwait(false)).Phase is WindowPhase.Closed or WindowPhase.Cancelled,
            "the daemon to settle and close the window", daemon, households, ct).ConfigureAwait(false);
        phases["settlement: readings, settle, close"] = Lap(clock);
        var closed = await admin.Trade.GetWindowAsync(windowId).ConfigureAwait(false);
        progress.Step($"window {closed.Phase} ({phases["settlement: readings, settle, close"]:0.0} s)");

        var verify = await VerifyAsync(node.RpcUrl, services.DeploymentFile, services.DataDirectory, windowId).ConfigureAwait(false);
        phases["market verify (1 process)"] = Lap(clock);
        var memory = daemon.PeakMemoryKib();

        var payouts = await WithdrawEverythingAsync(admin, [.. clients.Select(c => c.Client)]).ConfigureAwait(false);
        phases["withdrawals: households, DSO, operator"] = Lap(clock);
        progress.Step($"{payouts.Withdrawals} withdrawals paid out {payouts.Withdrawn} wei; the market holds {payouts.Left} wei "
            + $"({phases["withdrawals: households, DSO, operator"]:0.0} s)");

        var lastBlock = await node.Rpc.BlockNumberAsync().ConfigureAwait(false);
        var gas = await GasReport.MeasureAsync(node.Rpc, deployment, firstBlock, lastBlock).ConfigureAwait(false);
        var blockGasLimit = (await node.Rpc.GetBlockAsync(lastBlock).ConfigureAwait(false))!.GasLimit;
        progress.Step("stopping the daemon, the HEMS and the node");
        return new LoadFigures(households, offers, orders.Count - offers, submitSeconds, confirmSeconds, phases, (int)closed.MatchCount,
            closed.Price.ToString(CultureInfo.InvariantCulture), verify, gas, blockGasLimit, payouts, memory, closed.Phase.ToString());
    }

    /// <summary>Every account the market credited (households, the DSO as fee recipient, the operator that opened the window
    /// for its order fees) withdraws it, each signing its own transaction, many in flight; afterwards the market must hold
    /// nothing.</summary>
    private static async Task<Payouts> WithdrawEverythingAsync(MarketClient admin, IReadOnlyList<MarketClient> households)
    {
        using var dso = admin.As(HardhatAccounts.Registrar);
        var amounts = await MapAsync(households.Append(dso).Append(admin), async c =>
        {
            if ((await c.Trade.WithdrawableAsync(c.Account!).ConfigureAwait(false)).IsZero) return (BigInteger?)null;
            var receipt = await c.Trade.WithdrawAsync().ConfigureAwait(false);
            return c.Trade.DecodeEvents<WithdrawnEvent>(receipt).Single().Amount;
        }).ConfigureAwait(false);
        var paid = amounts.OfType<BigInteger>().ToList();
        var left = await admin.Rpc.GetBalanceAsync(admin.Deployment.EnergyTrade).ConfigureAwait(false);
        return new Payouts(paid.Count, paid.Aggregate(BigInteger.Zero, (s, a) => s + a), left);
    }

    private sealed record LoadOrder(MarketClient Client, string Meter, bool IsOffer, long EnergyWh, BigInteger Price, BigInteger Deposit);

    /// <summary>The same sizing and prices as the demo: sellers offer their battery, buyers bid their expected import.
    /// Every household places one order: a prosumer whose battery holds too little to offer buys its import instead.</summary>
    private static async Task<IReadOnlyList<LoadOrder>> PrepareOrdersAsync(HemsService hems, MarketClient reader,
        IReadOnlyList<(DemoHousehold Household, MarketClient Client)> clients, WindowInfo window, ulong windowId)
    {
        var prosumers = clients.Where(c => c.Household.IsProsumer).ToList();
        var sizes = await MapAsync(prosumers, async s => OrderSizing.Offer(await hems.BatteryWhAsync(s.Household.Meter).ConfigureAwait(false))).ConfigureAwait(false);
        var sellers = prosumers.Zip(sizes).Where(s => s.Second > 0).ToList();
        var buyers = clients.Where(c => !c.Household.IsProsumer).Concat(prosumers.Zip(sizes).Where(s => s.Second == 0).Select(s => s.First)).ToList();
        var offers = await MapAsync(sellers.Select((s, i) => (s, i)), async s =>
        {
            var (seller, wh) = s.s;
            // Each order sends its deposit plus the window's order fee.
            var deposit = await reader.Trade.OfferCollateralAsync(windowId, (ulong)wh).ConfigureAwait(false) + window.Params.OrderFee;
            return new LoadOrder(seller.Client, seller.Household.Meter, true, wh, OrderPricing.Ask(s.i), deposit);
        }).ConfigureAwait(false);
        var bids = await MapAsync(buyers.Select((b, i) => (b, i)), async b =>
        {
            var wh = OrderSizing.Bid(await hems.ImportedWhAsync(b.b.Household.Meter, window.MatchingDeadline, window.TransferDeadline).ConfigureAwait(false));
            var price = OrderPricing.Bid(b.i);
            var escrow = await reader.Trade.BidEscrowAsync(windowId, (ulong)wh, price).ConfigureAwait(false);
            return new LoadOrder(b.b.Client, b.b.Household.Meter, false, wh, price, escrow + window.Params.OrderFee);
        }).ConfigureAwait(false);
        return [.. offers, .. bids];
    }

    /// <summary>The registrar registers every meter in pipelined JSON-RPC batches (one nonce sequence). Hardhat runs a
    /// batch's calls concurrently and, automining, refuses a nonce ahead of the next one, so the batches go into the
    /// mempool with automine off and are mined afterwards, <see cref="MetersPerBlock"/> at a time: one block of 10,000
    /// registrations takes Hardhat longer to mine than the RPC client waits.</summary>
    private static async Task RegisterMetersAsync(HardhatNode node, MarketClient registrar, IReadOnlyList<(DemoHousehold Household, AccountKey Key)> people)
    {
        var sent = new List<Chain.Transactions.SubmittedTransaction>();
        await node.SetAutomineAsync(false).ConfigureAwait(false);
        try
        {
            foreach (var chunk in people.Chunk(MetersPerBlock))
            {
                var batch = await registrar.Transactions!.SendBatchAsync(
                    [.. chunk.Select(p => registrar.DataAccess.RegisterMeterInput(p.Household.Meter, p.Key.Address, p.Household.Bus, RegisterGas))]).ConfigureAwait(false);
                sent.AddRange(batch);
                if (batch.FirstOrDefault(s => s.Error is not null) is { } bad) throw new DemoException($"registering meters failed: {bad.Error!.Message}");
                while (await node.Rpc.GetTransactionReceiptAsync(batch[^1].Hash).ConfigureAwait(false) is null) await node.MineAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await node.SetAutomineAsync(true).ConfigureAwait(false);
        }
        var receipts = await registrar.Transactions!.WaitForReceiptsAsync([.. sent.Select(s => s.Hash)]).ConfigureAwait(false);
        if (receipts.Any(r => !r.Succeeded)) throw new DemoException("registering a meter reverted");
    }

    private static async Task<string> VerifyAsync(string rpcUrl, string deploymentFile, string dataDirectory, ulong windowId)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        await EnergyCli.RunAsync(["market", "verify", "--window", windowId.ToString(CultureInfo.InvariantCulture), "--rpc", rpcUrl,
            "--deployment", deploymentFile, "--data-dir", dataDirectory, "--json"], output, error).ConfigureAwait(false);
        return output.ToString() is { Length: > 0 } json
            ? System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("verdict").GetString()!
            : $"error: {error.ToString().Trim()}";
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what, OperatorDaemon daemon, int households, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout(households);
        while (!await HoldsAsync(condition).ConfigureAwait(false))
        {
            if (daemon.StuckService() is { } stuck)
                throw new DemoException($"gave up waiting for {what}: the daemon keeps failing: {stuck}");
            if (daemon.HasExited || DateTime.UtcNow > deadline)
                throw new DemoException($"gave up waiting for {what}; the daemon's last lines:\n{string.Join('\n', daemon.Output.Split('\n').TakeLast(30))}");
            await Task.Delay(250, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A poll whose read times out counts as not yet: the node is busy with the daemon's batches, and the
    /// phase timeout, not one slow eth_call, decides when the run gives up.</summary>
    private static async Task<bool> HoldsAsync(Func<Task<bool>> condition)
    {
        try
        {
            return await condition().ConfigureAwait(false);
        }
        catch (EnergyAuction.Chain.Rpc.RpcUnavailableException)
        {
            return false;
        }
    }

        private static Task<IReadOnlyList<TResult>> MapAsync<T, TResult>(IEnumerable<T> items, Func<T, Task<TResult>> action) =>
        Concurrently.MapAsync(items, action, InFlight);

    private static double Lap(Stopwatch clock)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return seconds;
    }
}
