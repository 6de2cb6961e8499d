using System.Numerics;

namespace EnergyAuction.Chain.Transactions;

public sealed record TransactionSenderOptions
{
    /// <summary>When set, the manager refuses to sign for a node on another chain.</summary>
    public BigInteger? ExpectedChainId { get; init; }

    /// <summary>Added to eth_estimateGas, because state can change between estimate and inclusion.</summary>
    public int GasMarginPercent { get; init; } = 20;

    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan ReceiptPollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Tip used when recent blocks paid none (idle dev chains).</summary>
    public BigInteger MinPriorityFeePerGas { get; init; } = 1_000_000_000;

    /// <summary>How long fee figures are reused, so a burst of sends does not query eth_feeHistory each time.</summary>
    public TimeSpan FeeCacheDuration { get; init; } = TimeSpan.FromSeconds(2);
}
