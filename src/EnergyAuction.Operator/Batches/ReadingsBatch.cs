using EnergyAuction.Chain;

namespace EnergyAuction.Operator.Batches;

/// <summary>
/// The size of requestReadings batches: the gas budget sizes them like every batch, but one call may never ask for
/// more readings than the oracle client sends in one request (its MAX_READINGS_PER_REQUEST, read from the chain, so
/// the cap follows the deployed client): above it the call reverts TooManyReadings, however much gas is left.
/// </summary>
public static class ReadingsBatch
{
    /// <summary>A sizer for requestReadings: at most <paramref name="batchSize"/> orders and at most what the client reads at once.</summary>
    public static async Task<BatchSizer> SizerAsync(MarketClient market, int batchSize, CancellationToken ct) =>
        new(Math.Min(batchSize, await market.OracleClient.MaxReadingsPerRequestAsync(ct)));
}
