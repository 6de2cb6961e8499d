using EnergyAuction.Chain;
using EnergyAuction.Operator.Clearing;

namespace EnergyAuction.Operator.Tests.Clearing;

public class ClearingBatchesTests
{
    [TestCase(50, 10_000_000, 50)]
    [TestCase(50, 1_000_000, 23)]
    [TestCase(50, 100_000, 1)]
    [TestCase(1, 10_000_000, 1)]
    public void A_batch_respects_both_the_match_count_and_the_gas_limit(int batchSize, long gas, int expected) =>
        Assert.That(ClearingBatches.MatchesPerBatch(batchSize, gas), Is.EqualTo(expected));

    [Test]
    public void Only_the_matches_not_yet_on_chain_are_batched_in_posting_order()
    {
        var matches = Enumerable.Range(1, 7).Select(i => new ChainMatch((ulong)i, 100, 10, 5)).ToList();
        var batches = ClearingBatches.Remaining(matches, posted: 3, perBatch: 3);
        Assert.That(batches.Select(b => b.Select(m => m.OfferId)), Is.EqualTo(new[] { new ulong[] { 4, 5, 6 }, [7] }));
        Assert.That(ClearingBatches.Remaining(matches, posted: 7, perBatch: 3), Is.Empty);
    }
}
