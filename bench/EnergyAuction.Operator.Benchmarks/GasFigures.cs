using System.Numerics;
using EnergyAuction.Chain.Rpc;

namespace EnergyAuction.Operator.Benchmarks;

/// <summary>Gas used by a set of transactions, each counted once.</summary>
public static class GasFigures
{
    public static async Task<BigInteger> TotalAsync(ChainRpcClient rpc, IEnumerable<string> transactionHashes)
    {
        var total = BigInteger.Zero;
        foreach (var hash in transactionHashes.Distinct(StringComparer.OrdinalIgnoreCase))
            total += (await rpc.GetTransactionReceiptAsync(hash))!.GasUsed;
        return total;
    }
}
