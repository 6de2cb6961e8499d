using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Ethereum.Abi;
using EnergyAuction.Ethereum.Contracts;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Ethereum.Benchmarks;

/// <summary>Confirmed transactions per second: N signed contract calls from one account (nonces tracked locally),
/// submitted in JSON-RPC batches, then all receipts awaited with batched polling.</summary>
internal static class RpcThroughput
{
    // Hardhat's first default account: a public development key, funded on every Hardhat node.
    private const string HardhatAccount0 = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static async Task<int> RunAsync(Uri url, string artifactPath, int count)
    {
        using var rpc = new EthRpcClient(url);
        var tm = new TransactionManager(rpc, new EthECKey(HardhatAccount0), new TransactionManagerOptions { ReceiptPollInterval = TimeSpan.FromMilliseconds(20) });
        var abi = ContractAbi.FromHardhatArtifact(artifactPath);
        var probe = await Contract.DeployAsync(tm, abi, new BigInteger(1000));
        var gas = await tm.EstimateGasAsync(new TransactionInput(probe.Address, probe.EncodeCall("increment")));
        await Console.Error.WriteLineAsync($"deployed ClientProbe at {probe.Address}; sending {count} increment() calls");

        var clock = Stopwatch.StartNew();
        var call = new TransactionInput(probe.Address, probe.EncodeCall("increment"), 0, gas * 2);
        var submitted = await SubmitAsync(tm, call, count, await rpc.RequestAsync<bool>("hardhat_getAutomine"));
        var submitTime = clock.Elapsed;
        if (submitted.FirstOrDefault(s => s.Error is not null) is { } refused)
            await Console.Error.WriteLineAsync($"the node refused a transaction: {refused.Error!.Message}");
        var receipts = await tm.WaitForReceiptsAsync([.. submitted.Where(s => s.Error is null).Select(s => s.Hash)]);
        clock.Stop();

        var failed = count - receipts.Count(r => r.Succeeded);
        var confirmed = count - failed;
        var counter = await probe.CallAsync<BigInteger>("count");
        await Console.Error.WriteLineAsync($"submitted in {submitTime.TotalSeconds:0.00}s, all mined in {clock.Elapsed.TotalSeconds:0.00}s; counter = {counter}");
        var result = new Dictionary<string, object>
        {
            ["txPerSecond"] = Math.Round(confirmed / clock.Elapsed.TotalSeconds, 1),
            ["transactions"] = count,
            ["failed"] = failed,
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return failed == 0 && counter == count ? 0 : 1;
    }

    // A node that mines on arrival needs nonces in arrival order, so sends go one at a time (concurrent callers,
    // one ordered stream); a node with a mempool takes JSON-RPC batches of signed transactions.
    private static async Task<IReadOnlyList<SubmittedTransaction>> SubmitAsync(TransactionManager tm, TransactionInput call, int count, bool automine)
    {
        if (!automine) return await tm.SendBatchAsync([.. Enumerable.Repeat(call, count)]);
        var hashes = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => tm.SendTransactionAsync(call)));
        return [.. hashes.Select(h => new SubmittedTransaction(h, null))];
    }
}
