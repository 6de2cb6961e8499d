using EnergyAuction.Chain;

namespace EnergyAuction.Operator.Clearing;

/// <summary>
/// Cuts the matches still to post into postClearing batches: at most the configured matches per
/// batch, and few enough that a batch stays under the gas limit.
/// </summary>
public static class ClearingBatches
{
    /// <summary>Gas of postClearing besides its matches (transaction, window checks, event).</summary>
    public const long BaseGas = 80_000;

    /// <summary>Gas per match, generously: ~24,500 for a bid with two matches, ~35,500 for a bid with one.</summary>
    public const long GasPerMatch = 40_000;

    /// <summary>The most matches one batch may carry under both limits (at least one).</summary>
    public static int MatchesPerBatch(int batchSize, long batchGasLimit) =>
        (int)Math.Max(1, Math.Min(batchSize, (batchGasLimit - BaseGas) / GasPerMatch));

    /// <summary>The batches after the <paramref name="posted"/> matches already on chain, in posting order.</summary>
    public static IReadOnlyList<ChainMatch[]> Remaining(IReadOnlyList<ChainMatch> matches, int posted, int perBatch) =>
        [.. matches.Skip(posted).Chunk(perBatch)];
}
