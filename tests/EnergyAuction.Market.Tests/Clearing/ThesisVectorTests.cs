using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Tests.Clearing;

public class ThesisVectorTests
{
    [Test]
    public void DpdaMatchesAppendixB()
    {
        var result = ClearingMechanisms.For(Mechanism.Dpda).Clear(ThesisVector.Book);

        Assert.That(result.Price, Is.EqualTo(new System.Numerics.BigInteger(16500)));
        Assert.That(result.BidAllocations.InOrder, Is.EqualTo(Allocs(("9", 70000), ("39", 16000), ("12", 60000))));
        Assert.That(result.OfferAllocations.InOrder,
            Is.EqualTo(Allocs(("4", 69250), ("20", 39250), ("45", 13250), ("24", 24250))));
    }

    [Test]
    public void McafeeMatchesAppendixB()
    {
        var result = ClearingMechanisms.For(Mechanism.Mcafee).Clear(ThesisVector.Book);

        Assert.That(result.Price, Is.EqualTo(new System.Numerics.BigInteger(16500)));
        Assert.That(result.BidAllocations.InOrder, Is.EqualTo(Allocs(("9", 70000), ("39", 16000), ("12", 60000))));
        Assert.That(result.OfferAllocations.InOrder,
            Is.EqualTo(Allocs(("4", 70000), ("20", 40000), ("45", 14000), ("24", 22000))));
    }

    [Test]
    public void UniformMatchesAppendixB()
    {
        var result = ClearingMechanisms.For(Mechanism.Uniform).Clear(ThesisVector.Book);

        Assert.That(result.Price, Is.EqualTo(new System.Numerics.BigInteger(16500)));
        Assert.That(result.BidAllocations.InOrder,
            Is.EqualTo(Allocs(("9", 70000), ("39", 16000), ("12", 60000), ("16", 20000))));
        Assert.That(result.OfferAllocations.InOrder,
            Is.EqualTo(Allocs(("4", 70000), ("20", 40000), ("45", 14000), ("24", 25000), ("11", 17000))));
    }

    [Test]
    public void DictionaryViewEnumeratesInPriorityOrder()
    {
        var result = ClearingMechanisms.For(Mechanism.Dpda).Clear(ThesisVector.Book);

        Assert.That(result.BidAllocations.Keys, Is.EqualTo(new[] { "9", "39", "12" }));
        Assert.That(result.OfferAllocations["20"], Is.EqualTo(39250));
    }

    private static Allocation[] Allocs(params (string Id, long Wh)[] rows) =>
        rows.Select(r => new Allocation(r.Id, r.Wh)).ToArray();
}
