using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;

namespace EnergyAuction.Demo.Load;

/// <summary>Gas per operation over a block range: every transaction to the market's contracts, named by its function
/// selector (EnergyTrade, DataAccess, the Chainlink Operator), with count, mean and largest gas used.</summary>
public static class GasReport
{
    private const int Batch = 100;

    public sealed record Operation(string Name, int Count, BigInteger MeanGas, BigInteger MaxGas);

    public static async Task<IReadOnlyList<Operation>> MeasureAsync(ChainRpcClient rpc, MarketDeploymentRecord deployment, ulong fromBlock, ulong toBlock)
    {
        var names = Names(deployment);
        var transactions = new List<(string Hash, string Name)>();
        for (var first = fromBlock; first <= toBlock; first += Batch)
        {
            var requests = Enumerable.Range(0, (int)Math.Min(Batch, toBlock - first + 1))
                .Select(i => new RpcRequest("eth_getBlockByNumber", HexConvert.ToQuantity(first + (ulong)i), true)).ToList();
            foreach (var block in await rpc.BatchAsync(requests).ConfigureAwait(false))
                foreach (var tx in block.GetResultOrThrow().GetProperty("transactions").EnumerateArray())
                    if (Name(tx, names) is { } name) transactions.Add((tx.GetProperty("hash").GetString()!, name));
        }
        var gas = new List<(string Name, BigInteger Gas)>();
        foreach (var chunk in transactions.Chunk(Batch))
        {
            var receipts = await rpc.BatchAsync([.. chunk.Select(t => new RpcRequest("eth_getTransactionReceipt", t.Hash))]).ConfigureAwait(false);
            gas.AddRange(chunk.Select((t, i) => (t.Name, Quantity(receipts[i].GetResultOrThrow().GetProperty("gasUsed")))));
        }
        return [.. gas.GroupBy(g => g.Name).Select(g => new Operation(g.Key, g.Count(),
            g.Aggregate(BigInteger.Zero, (s, x) => s + x.Gas) / g.Count(), g.Max(x => x.Gas))).OrderBy(o => o.Name, StringComparer.Ordinal)];
    }

    private static Dictionary<(string To, string Selector), string> Names(MarketDeploymentRecord deployment)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var (address, contract) in new[] { (deployment.EnergyTrade, ChainAbis.EnergyTradeName), (deployment.DataAccess, ChainAbis.DataAccessName), (deployment.Operator, ChainAbis.OperatorName) })
            foreach (var (selector, name) in ChainAbis.FunctionNamesBySelector(contract))
                names[(address.ToLowerInvariant(), selector)] = name;
        return names;
    }

    private static string? Name(JsonElement tx, Dictionary<(string To, string Selector), string> names)
    {
        if (tx.GetProperty("to").GetString() is not { } to) return null;
        var input = tx.GetProperty("input").GetString()!;
        return input.Length >= 10 && names.TryGetValue((to.ToLowerInvariant(), input[..10].ToLowerInvariant()), out var name) ? name : null;
    }

    private static BigInteger Quantity(JsonElement hex) => BigInteger.Parse("0" + hex.GetString()![2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
