using System.Numerics;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using EnergyAuction.Operator.Chain;

namespace EnergyAuction.Operator.Batches;

/// <summary>
/// Sends a list of items (matches to post, orders to read, bids to settle) as batch transactions that each fit the gas
/// budget. Whatever call <c>send</c> makes is estimated by the node before it is signed (<see cref="TransactionSender.LimitGas"/>),
/// so the sizing follows the call's real cost and needs no change when a call changes shape. A batch the budget cannot
/// hold is not sent but cut (<see cref="BatchSizer"/>); a single item above the budget is still sent when a block can
/// hold it, with a warning, so no window is left unfinished by a budget set too low.
/// </summary>
public sealed partial class BudgetedBatches(OperatorChain chain, GasBudget budget, ILogger<BudgetedBatches> logger)
{
    /// <summary>Sends <paramref name="items"/> in order; after each mined batch calls <paramref name="sent"/> with it and its receipt.</summary>
    public async Task SendAsync<T>(string operation, BatchSizer sizer, IReadOnlyList<T> items,
        Func<T[], CancellationToken, Task<TransactionReceipt>> send, Func<T[], TransactionReceipt, Task> sent, CancellationToken ct)
    {
        if (items.Count == 0) return;
        var sender = chain.Market.Transactions!;
        var limit = await budget.CurrentAsync(ct);
        for (var next = 0; next < items.Count;)
        {
            ct.ThrowIfCancellationRequested();
            var batch = items.Skip(next).Take(sizer.Size).ToArray();
            TransactionReceipt receipt;
            try
            {
                using (sender.LimitGas(limit)) receipt = await send(batch, ct);
            }
            catch (GasBudgetExceededException e) when (batch.Length > 1)
            {
                sizer.Overshot(batch.Length, e.Gas, e.Budget);
                continue;
            }
            catch (RpcException e) when (batch.Length > 1 && IsAboveBlockGasLimit(e))
            {
                sizer.Unestimable(batch.Length);
                continue;
            }
            catch (GasBudgetExceededException e)
            {
                LogSingleAboveBudget(operation, e.Gas, e.Budget);
                using (sender.LimitGas(GasBudget.Of(long.MaxValue, await BlockGasLimitAsync(ct)))) receipt = await send(batch, ct);
            }
            sizer.Fitted(batch.Length, receipt.GasUsed * (100 + sender.GasMarginPercent) / 100, limit);
            next += batch.Length;
            await sent(batch, receipt);
        }
    }

    /// <summary>How nodes refuse to estimate a call that needs more gas than a block or transaction may carry
    /// (Hardhat: "Transaction ran out of gas"; geth: "gas required exceeds allowance"; Besu: "exceeds block gas limit").</summary>
    private static bool IsAboveBlockGasLimit(RpcException e) =>
        e.RevertData is null && e.RpcMessage.Contains("gas", StringComparison.OrdinalIgnoreCase);

    private async Task<BigInteger> BlockGasLimitAsync(CancellationToken ct) =>
        (await chain.Market.Rpc.GetBlockAsync("latest", ct))!.GasLimit;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation}: one item alone needs {Gas} gas, above the gas budget of {Budget}; sending it anyway (a block holds it)")]
    private partial void LogSingleAboveBudget(string operation, BigInteger gas, BigInteger budget);
}
