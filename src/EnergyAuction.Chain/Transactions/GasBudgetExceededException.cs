using System.Numerics;

namespace EnergyAuction.Chain.Transactions;

/// <summary>A transaction would need more gas than the budget its sender was given (<see cref="TransactionSender.LimitGas"/>),
/// so it was not signed: the caller sends less per transaction.</summary>
public sealed class GasBudgetExceededException(BigInteger gas, BigInteger budget)
    : Exception($"the transaction needs {gas} gas (estimate with margin), above the budget of {budget}; not sent")
{
    /// <summary>The gas limit the transaction would have carried (eth_estimateGas plus the margin).</summary>
    public BigInteger Gas { get; } = gas;

    public BigInteger Budget { get; } = budget;
}
