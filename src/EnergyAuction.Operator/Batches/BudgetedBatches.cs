using System.Numerics;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using EnergyAuction.Operator.Chain;

namespace EnergyAuction.Operator.Batches;

/// <summary>
/// Sends a list of items (matches to post, orders to read, bids to settle, orders whose deposits to return) as batch transactions that each fit the gas
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
            catch (Exception e) when (batch.Length > 1 && IsOutOfGas(e))
            {
                sizer.Unestimable(batch.Length);
                continue;
            }
            catch (Exception e) when (e is GasBudgetExceededException || IsOutOfGas(e))
            {
                LogSingleAboveBudget(operation, limit);
                receipt = await SendWithinBlockAsync(() => send(batch, ct), ct);
            }
            sizer.Fitted(batch.Length, receipt.GasUsed * (100 + sender.GasMarginPercent) / 100, limit);
            next += batch.Length;
            await sent(batch, receipt);
        }
    }

    /// <summary>Sends one item above the budget with as much gas as one transaction may carry in a block
    /// (<see cref="GasBudget.Of"/> without a budget).</summary>
    private async Task<TransactionReceipt> SendWithinBlockAsync(Func<Task<TransactionReceipt>> send, CancellationToken ct)
    {
        var block = await chain.Market.Rpc.GetBlockAsync("latest", ct) ?? throw new InvalidOperationException("the node returned no latest block");
        using (chain.Market.Transactions!.LimitGas(GasBudget.Of(long.MaxValue, block.GasLimit))) return await send();
    }

    /// <summary>How nodes refuse to estimate a call that needs more gas than its allowance (Hardhat: "Transaction ran out
    /// of gas"; geth: "gas required exceeds allowance"; Besu: "exceeds block gas limit"); some report it as a revert
    /// without data.</summary>
    private static bool IsOutOfGas(Exception e) => e switch
    {
        RpcException rpc => rpc.RevertData is null && rpc.RpcMessage.Contains("gas", StringComparison.OrdinalIgnoreCase),
        ContractRevertException revert => revert.ErrorName == "Revert" && revert.RevertData.Length == 0,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Operation}: one item alone needs more than the gas budget of {Budget}; sending it anyway with up to what a block holds")]
    private partial void LogSingleAboveBudget(string operation, BigInteger budget);
}
