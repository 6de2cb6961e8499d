using System.Numerics;
using EnergyAuction.Chain.Rpc;

namespace EnergyAuction.Chain.Transactions;

/// <summary>Fees for the next transaction: EIP-1559 from eth_feeHistory, or a legacy gas price where the chain has
/// no (or a zero) base fee, such as Besu free-gas networks.</summary>
public sealed record Fees(bool IsLegacy, BigInteger GasPrice, BigInteger MaxFeePerGas, BigInteger MaxPriorityFeePerGas);

internal sealed class FeeEstimator(ChainRpcClient rpc, TransactionSenderOptions options)
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private Fees? _cached;
    private DateTime _cachedAt;

    public async Task<Fees> CurrentAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_cached is null || DateTime.UtcNow - _cachedAt > options.FeeCacheDuration)
            {
                _cached = await QueryAsync(ct).ConfigureAwait(false);
                _cachedAt = DateTime.UtcNow;
            }
            return _cached;
        }
        finally
        {
            _lock.Release();
        }
    }

    private async Task<Fees> QueryAsync(CancellationToken ct)
    {
        FeeHistory history;
        try
        {
            history = await rpc.FeeHistoryAsync(5, "latest", [50], ct).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            return await LegacyAsync(ct).ConfigureAwait(false);
        }
        var nextBaseFee = history.BaseFeePerGas.Count > 0 ? history.BaseFeePerGas[^1] : BigInteger.Zero;
        if (nextBaseFee.IsZero) return await LegacyAsync(ct).ConfigureAwait(false);
        var tips = history.Reward.Where(r => r.Count > 0).Select(r => r[0]).Where(t => t > 0).Order().ToList();
        var tip = tips.Count > 0 ? BigInteger.Max(tips[tips.Count / 2], options.MinPriorityFeePerGas) : options.MinPriorityFeePerGas;
        // Twice the base fee survives six consecutive full blocks of 12.5% increases.
        return new Fees(false, BigInteger.Zero, nextBaseFee * 2 + tip, tip);
    }

    private async Task<Fees> LegacyAsync(CancellationToken ct)
    {
        var gasPrice = await rpc.GasPriceAsync(ct).ConfigureAwait(false);
        return new Fees(true, gasPrice, BigInteger.Zero, BigInteger.Zero);
    }
}
