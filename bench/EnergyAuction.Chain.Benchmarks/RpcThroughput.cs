using System.Diagnostics;
using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Deployment;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Services;
using EnergyAuction.Chain.Transactions;

namespace EnergyAuction.Chain.Benchmarks;

/// <summary>Confirmed transactions per second: the market is deployed, then N DataAccess.registerMeter calls
/// (meters BENCH-0 … BENCH-N-1) are signed from one account with locally tracked nonces, submitted, and all receipts
/// awaited with batched polling. The same workload is what the ethers side of scripts/bench-rpc.sh sends.</summary>
internal static class RpcThroughput
{
    // Hardhat's and anvil's first default account: a public development key, funded on every such node.
    private const string DevAccount0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const long RegisterGas = 150_000;

    public static async Task<int> RunAsync(Uri url, int count)
    {
        using var rpc = new ChainRpcClient(url);
        var sender = new TransactionSender(rpc, new AccountKey(DevAccount0), new TransactionSenderOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(20) });
        var market = await MarketDeployer.DeployAsync(sender, "bench", new MarketDeploymentOptions());
        var dataAccess = new DataAccessService(rpc, market.DataAccess, sender);
        await Console.Error.WriteLineAsync($"deployed the market (DataAccess at {market.DataAccess}); sending {count} registerMeter calls");
        var owner = AccountKey.GenerateNew().Address;
        var calls = Enumerable.Range(0, count).Select(i => dataAccess.RegisterMeterInput($"BENCH-{i}", owner, (uint)(i % 100), RegisterGas)).ToList();

        var clock = Stopwatch.StartNew();
        var submitted = await SubmitAsync(sender, calls, await IsAutomineAsync(rpc));
        var submitTime = clock.Elapsed;
        if (submitted.FirstOrDefault(s => s.Error is not null) is { } refused)
            await Console.Error.WriteLineAsync($"the node refused a transaction: {refused.Error!.Message}");
        var receipts = await sender.WaitForReceiptsAsync([.. submitted.Where(s => s.Error is null).Select(s => s.Hash)]);
        clock.Stop();

        var failed = count - receipts.Count(r => r.Succeeded);
        var registered = (await dataAccess.MeterOfAsync($"BENCH-{count - 1}")).IsRegistered;
        await Console.Error.WriteLineAsync($"submitted in {submitTime.TotalSeconds:0.00}s, all mined in {clock.Elapsed.TotalSeconds:0.00}s; last meter registered: {registered}");
        var result = new Dictionary<string, object>
        {
            ["txPerSecond"] = Math.Round((count - failed) / clock.Elapsed.TotalSeconds, 1),
            ["transactions"] = count,
            ["failed"] = failed,
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return failed == 0 && registered ? 0 : 1;
    }

    // Hardhat answers hardhat_getAutomine; nodes that do not (anvil with interval blocks, Besu) have a mempool.
    private static async Task<bool> IsAutomineAsync(ChainRpcClient rpc)
    {
        try
        {
            return await rpc.RequestAsync<bool>("hardhat_getAutomine");
        }
        catch (RpcException)
        {
            return false;
        }
    }

    // A node that mines on arrival needs nonces in arrival order, so sends go one at a time (concurrent callers,
    // one ordered stream); a node with a mempool takes JSON-RPC batches of signed transactions.
    private static async Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(TransactionSender sender, IReadOnlyList<TransactionInput> calls, bool automine)
    {
        if (!automine) return await sender.SendBatchAsync(calls);
        var hashes = await Task.WhenAll(calls.Select(c => sender.SendTransactionAsync(c)));
        return [.. hashes.Select(h => new SubmittedTransaction(h, null))];
    }
}
