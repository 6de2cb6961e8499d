using System.Numerics;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Batches;

/// <summary>
/// The most gas one batch transaction may carry: the configured <see cref="OperatorOptions.GasBudget"/>, never above the
/// latest block's gas limit (a Besu network may run lower limits than Hardhat's 30 M) nor the per-transaction cap of
/// EIP-7825 that Hardhat and current clients enforce. Read from the chain for every run of batches, so a changed
/// block gas limit is followed.
/// </summary>
public sealed class GasBudget(OperatorChain chain, OperatorOptions options)
{
    /// <summary>EIP-7825: no transaction may carry more than 2^24 gas (Hardhat: "exceeds transaction gas cap of 16777216").</summary>
    public static readonly BigInteger TransactionGasCap = 1 << 24;

    /// <summary>The budget for the next transaction.</summary>
    public async Task<BigInteger> CurrentAsync(CancellationToken ct)
    {
        var block = await chain.Market.Rpc.GetBlockAsync("latest", ct)
            ?? throw new InvalidOperationException("the node returned no latest block");
        return Of(options.GasBudget, block.GasLimit);
    }

    /// <summary>The configured budget, lowered to what a block and a transaction can hold.</summary>
    public static BigInteger Of(long configured, BigInteger blockGasLimit) =>
        BigInteger.Min(configured, BigInteger.Min(blockGasLimit, TransactionGasCap));
}
