namespace EnergyAuction.Market.Tests;

public class OrderRulesTests
{
    [TestCase(0, "energy")]
    [TestCase(-5, "energy")]
    public void NonPositiveEnergyIsRejectedNamingTheOrder(long energy, string field)
    {
        var book = new OrderBook([new Order("a", 10, 1, 1), new Order("b", energy, 1, 2)], []);

        var error = Assert.Throws<InvalidOrderException>(() => OrderRules.Validate(book))!;

        Assert.That(error.OrderId, Is.EqualTo("b"));
        Assert.That(error.Field, Is.EqualTo(field));
        Assert.That(error.Message, Does.Contain("offer #1").And.Contain("\"b\""));
    }

    [Test]
    public void DuplicateIdsAndSeqsWithinASideAreRejected()
    {
        Assert.That(() => OrderRules.Validate(new OrderBook([], [new Order("x", 1, 1, 1), new Order("x", 1, 1, 2)])),
            Throws.TypeOf<InvalidOrderException>().With.Property("Field").EqualTo("id"));
        Assert.That(() => OrderRules.Validate(new OrderBook([], [new Order("x", 1, 1, 1), new Order("y", 1, 1, 1)])),
            Throws.TypeOf<InvalidOrderException>().With.Property("Field").EqualTo("seq"));
    }

    [Test]
    public void NegativePriceIsRejected()
    {
        Assert.That(() => OrderRules.Validate(new OrderBook([], [new Order("x", 1, -1, 1)])),
            Throws.TypeOf<InvalidOrderException>().With.Property("Field").EqualTo("price"));
    }

    [Test]
    public void TheThesisVectorIsValid()
    {
        Assert.That(() => OrderRules.Validate(ThesisVector.Book), Throws.Nothing);
    }
}
