using System.Numerics;
using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Tests.Clearing;

public class EdgeCaseTests
{
    private static readonly Mechanism[] All = [Mechanism.Dpda, Mechanism.Mcafee, Mechanism.Uniform];

    [TestCaseSource(nameof(All))]
    public void EmptyAndOneSidedBooksDoNotTrade(Mechanism mechanism)
    {
        var engine = ClearingMechanisms.For(mechanism);
        var offer = new Order("s", 1000, 10, 1);
        var bid = new Order("b", 1000, 20, 1);

        Assert.That(engine.Clear(OrderBook.Empty), Is.EqualTo(ClearingResult.NoTrade));
        Assert.That(engine.Clear(new OrderBook([offer], [])), Is.EqualTo(ClearingResult.NoTrade));
        Assert.That(engine.Clear(new OrderBook([], [bid])), Is.EqualTo(ClearingResult.NoTrade));
    }

    [TestCaseSource(nameof(All))]
    public void BidsBelowEveryOfferDoNotTrade(Mechanism mechanism)
    {
        var book = new OrderBook([new Order("s", 1000, 21, 1)], [new Order("b", 1000, 20, 1)]);

        Assert.That(ClearingMechanisms.For(mechanism).Clear(book).Trades, Is.False);
    }

    [Test]
    public void OneOfferOneBidTradesOnlyUnderUniform()
    {
        // No next orders, so the McAfee test fails and trade reduction removes the only pair.
        var book = new OrderBook([new Order("s", 1000, 10, 1)], [new Order("b", 600, 21, 1)]);

        Assert.That(ClearingMechanisms.For(Mechanism.Dpda).Clear(book).Trades, Is.False);
        Assert.That(ClearingMechanisms.For(Mechanism.Mcafee).Clear(book).Trades, Is.False);
        var uniform = ClearingMechanisms.For(Mechanism.Uniform).Clear(book);
        Assert.That(uniform.Price, Is.EqualTo(new BigInteger(15)));
        Assert.That(uniform.OfferAllocations["s"], Is.EqualTo(600));
        Assert.That(uniform.BidAllocations["b"], Is.EqualTo(600));
    }

    [Test]
    public void DpdaAddsTheMarginalOfferWhenTradeReductionLeavesTooLittleSupply()
    {
        // Crossing at bid b2 / offer s2; the test fails (no next offer); S_1 alone (300 Wh) cannot
        // cover B_1 (500 Wh), so S_2 rejoins at the trade-reduction price floor((12 + 18) / 2) = 15.
        // Excess 800 over 2 offers: share 400 >= s1's 300, so s1 drops to 0 and s2 gives up the other 500.
        var book = new OrderBook(
            [new Order("s1", 300, 10, 1), new Order("s2", 1000, 12, 2)],
            [new Order("b1", 500, 30, 1), new Order("b2", 500, 18, 2)]);

        var result = ClearingMechanisms.For(Mechanism.Dpda).Clear(book);

        Assert.That(result.Price, Is.EqualTo(new BigInteger(15)));
        Assert.That(result.BidAllocations.InOrder, Is.EqualTo(new[] { new Allocation("b1", 500) }));
        Assert.That(result.OfferAllocations.InOrder, Is.EqualTo(new[] { new Allocation("s2", 500) }));
    }

    [Test]
    public void DpdaCurtailsEqualSharesAndTakesTheRemainderFromTheLowestPriorityOffers()
    {
        // Test passes at p̂ = floor((40 + 9) / 2) = 24: three offers 100 Wh each for a 293 Wh bid.
        // Excess 7 over 3 offers: share 2, remainder 1 from the last offer.
        var book = new OrderBook(
            [new Order("s1", 100, 10, 1), new Order("s2", 100, 11, 2), new Order("s3", 100, 12, 3), new Order("s4", 100, 40, 4)],
            [new Order("b1", 293, 50, 1), new Order("b2", 100, 9, 2)]);

        var result = ClearingMechanisms.For(Mechanism.Dpda).Clear(book);

        Assert.That(result.Price, Is.EqualTo(new BigInteger(24)));
        Assert.That(result.OfferAllocations.Values, Is.EqualTo(new long[] { 98, 98, 97 }));
        Assert.That(result.BidAllocations.Values, Is.EqualTo(new long[] { 293 }));
    }

    [Test]
    public void SeqBreaksPriceTies()
    {
        var book = new OrderBook(
            [new Order("late", 100, 10, 9), new Order("early", 100, 10, 2), new Order("dear", 100, 30, 3)],
            [new Order("b1", 100, 50, 1), new Order("b2", 100, 5, 2)]);

        var result = ClearingMechanisms.For(Mechanism.Uniform).Clear(book);

        Assert.That(result.OfferAllocations.Keys, Is.EqualTo(new[] { "early" }));
    }

    [TestCaseSource(nameof(All))]
    public void EnergiesNearTheLongLimitDoNotOverflow(Mechanism mechanism)
    {
        var big = long.MaxValue - 1;
        var book = new OrderBook(
            [new Order("s1", big, 1, 1), new Order("s2", big, 2, 2), new Order("s3", big, 100, 3)],
            [new Order("b1", big, 100, 1), new Order("b2", big, 90, 2), new Order("b3", 5, 1, 3)]);

        var result = ClearingMechanisms.For(mechanism).Clear(book);

        ClearingInvariants.Check(mechanism, book, result);
        Assert.That(result.TradedWh, Is.GreaterThanOrEqualTo((Int128)big));
    }

    [Test]
    public void MechanismNamesRoundTrip()
    {
        foreach (var mechanism in All)
            Assert.That(ClearingMechanisms.Parse(ClearingMechanisms.Name(mechanism)), Is.EqualTo(mechanism));
        Assert.That(() => ClearingMechanisms.Parse("vickrey"), Throws.TypeOf<FormatException>().With.Message.Contains("vickrey"));
    }
}
