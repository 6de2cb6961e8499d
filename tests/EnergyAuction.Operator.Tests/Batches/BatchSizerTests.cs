using EnergyAuction.Operator.Batches;

namespace EnergyAuction.Operator.Tests.Batches;

public class BatchSizerTests
{
    [Test]
    public void A_batch_that_fitted_scales_the_next_to_what_the_budget_holds_at_its_gas_per_item()
    {
        var sizer = new BatchSizer(maxItems: 1000);
        Assert.That(sizer.Size, Is.EqualTo(BatchSizer.FirstSize));
        sizer.Fitted(16, gas: 800_000, budget: 8_000_000);
        Assert.That(sizer.Size, Is.EqualTo(160));
    }

    [Test]
    public void An_estimate_above_the_budget_shrinks_the_batch_in_proportion_and_always_below_what_overshot()
    {
        var sizer = new BatchSizer(maxItems: 1000, firstSize: 200);
        sizer.Overshot(200, gas: 10_000_000, budget: 8_000_000);
        Assert.That(sizer.Size, Is.EqualTo(160));
        sizer.Overshot(160, gas: 8_000_001, budget: 8_000_000);
        Assert.That(sizer.Size, Is.EqualTo(159), "a hair over still shrinks");
    }

    [Test]
    public void A_batch_the_node_cannot_estimate_halves()
    {
        var sizer = new BatchSizer(maxItems: 1000, firstSize: 600);
        sizer.Unestimable(600);
        Assert.That(sizer.Size, Is.EqualTo(300));
    }

    [Test]
    public void The_size_grows_back_after_a_batch_of_dear_items_once_cheap_ones_fit()
    {
        var sizer = new BatchSizer(maxItems: 1000, firstSize: 100);
        sizer.Overshot(100, gas: 16_000_000, budget: 8_000_000);
        Assert.That(sizer.Size, Is.EqualTo(50));
        sizer.Fitted(50, gas: 2_000_000, budget: 8_000_000);
        Assert.That(sizer.Size, Is.EqualTo(200));
    }

    [TestCase(1000, 50_000, 1000)]
    [TestCase(1000, 100_000_000, 1)]
    [TestCase(25, 1_000, 25)]
    public void The_size_stays_between_one_item_and_the_most_items_allowed(int maxItems, long gasOf16, int expected)
    {
        var sizer = new BatchSizer(maxItems);
        sizer.Fitted(16, gasOf16, budget: 8_000_000);
        Assert.That(sizer.Size, Is.EqualTo(expected));
    }

    [Test]
    public void The_first_batch_is_never_larger_than_the_most_items_allowed() =>
        Assert.That(new BatchSizer(maxItems: 1).Size, Is.EqualTo(1));
}
