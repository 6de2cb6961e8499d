using System.Numerics;
using EnergyAuction.Operator.Batches;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// The daemon's requestReadings batches never ask for more readings than the deployed oracle client takes in one
/// request, however large the gas budget and BatchSize: a batch above it would revert TooManyReadings every round.
/// </summary>
[NonParallelizable]
public sealed class ReadingsBatchTests : OperatorMarketFixture
{
    [Test]
    public async Task A_generous_budget_grows_readings_batches_only_up_to_what_the_oracle_client_reads_in_one_request()
    {
        var perRequest = await Market.Admin.OracleClient.MaxReadingsPerRequestAsync();
        var sizer = await ReadingsBatch.SizerAsync(Market.Admin, batchSize: 1000, CancellationToken.None);

        // Batches far below the budget scale the next one up; the client's limit stops the growth.
        for (var i = 0; i < 5; i++) sizer.Fitted(sizer.Size, gas: 10_000 * sizer.Size, budget: new BigInteger(16_000_000));

        Assert.That(sizer.Size, Is.EqualTo(perRequest));
    }

    [Test]
    public async Task A_BatchSize_below_the_client_limit_still_caps_the_batches()
    {
        var sizer = await ReadingsBatch.SizerAsync(Market.Admin, batchSize: 40, CancellationToken.None);
        sizer.Fitted(sizer.Size, gas: 10_000 * sizer.Size, budget: new BigInteger(16_000_000));
        Assert.That(sizer.Size, Is.EqualTo(40));
    }
}
