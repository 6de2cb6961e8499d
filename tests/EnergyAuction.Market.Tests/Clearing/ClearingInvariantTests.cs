using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Market.Tests.Clearing;

/// <summary>MARKET.md "Invariants every mechanism's result must hold", on thousands of random books.</summary>
public class ClearingInvariantTests
{
    private const int Books = 2000;

    [TestCase(Mechanism.Dpda)]
    [TestCase(Mechanism.Mcafee)]
    [TestCase(Mechanism.Uniform)]
    public void RandomBooksKeepEveryInvariant(Mechanism mechanism)
    {
        var books = new RandomBooks(20261121 + (int)mechanism);
        var engine = ClearingMechanisms.For(mechanism);
        var traded = 0;
        for (var n = 0; n < Books; n++)
        {
            var book = books.Next();
            var result = engine.Clear(book);
            traded += result.Trades ? 1 : 0;
            ClearingInvariants.Check(mechanism, book, result);
            Assert.That(engine.Clear(books.Shuffled(book)), Is.EqualTo(result), "listing order changed the result");
        }

        Assert.That(traded, Is.GreaterThan(Books / 4), "the generator should produce books that trade");
    }
}
