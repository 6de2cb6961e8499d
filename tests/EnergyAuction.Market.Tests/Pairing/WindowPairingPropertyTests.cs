using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Tests.Pairing;

/// <summary>MARKET.md "Pairing" invariants on random books with few owners, preferences and tight L.</summary>
public class WindowPairingPropertyTests
{
    [Test]
    public void EveryMatchIsFeasibleAndEveryWinnerIsPlacedInFull()
    {
        var books = new RandomWindowBooks(7);
        var traded = 0;
        for (var n = 0; n < 1500; n++)
        {
            var (book, p) = books.Next(maxOrders: 150);
            var paired = WindowPairing.ClearAndPair(book, RandomWindowBooks.Distances, p);
            var who = book.Participants;
            foreach (var m in paired.Matches)
            {
                Assert.That(m.DistanceM, Is.EqualTo(RandomWindowBooks.Distances.Metres(who[m.OfferId].Bus, who[m.BidId].Bus)));
                Assert.That(m.DistanceM, Is.LessThanOrEqualTo(p.MaxDistanceM), $"book {n}: beyond L");
                Assert.That(p.GridCharge * m.DistanceM, Is.LessThanOrEqualTo(2000 * paired.Price!.Value), $"book {n}: fee half above the price");
                Assert.That(who[m.OfferId].Owner, Is.Not.EqualTo(who[m.BidId].Owner), $"book {n}: one owner matched with itself");
                Assert.That(m.EnergyWh, Is.Positive);
            }

            Assert.That(Sums(paired.Matches, m => m.BidId), Is.EquivalentTo(paired.Clearing.BidAllocations), $"book {n}");
            Assert.That(Sums(paired.Matches, m => m.OfferId), Is.EquivalentTo(paired.Clearing.OfferAllocations), $"book {n}");
            Assert.That(paired.Matches.GroupBy(m => m.BidId).Select(g => g.Count()), Has.All.LessThanOrEqualTo(p.MaxMatchesPerBid));
            Assert.That(paired.Rounds, Is.LessThanOrEqualTo(book.Offers.Count + book.Bids.Count + 1), "each round removes an order");
            Assert.That(paired.Removed.Select(r => r.Id), Is.Unique);
            if (p.Mechanism == Mechanism.Dpda)
            {
                var energy = book.Bids.ToDictionary(b => b.Id, b => b.EnergyWh);
                Assert.That(paired.Clearing.BidAllocations.All(a => a.Value == energy[a.Key]), $"book {n}: a dpda bid not filled completely");
            }

            traded += paired.Matches.Count > 0 ? 1 : 0;
        }

        Assert.That(traded, Is.GreaterThan(300));
    }

    [Test]
    public void TheResultDependsOnTheBookNotOnTheOrderItIsListedIn()
    {
        var books = new RandomWindowBooks(8);
        for (var n = 0; n < 600; n++)
        {
            var (book, p) = books.Next(maxOrders: 150);
            var paired = WindowPairing.ClearAndPair(book, RandomWindowBooks.Distances, p);
            var shuffled = WindowPairing.ClearAndPair(books.Shuffled(book), RandomWindowBooks.Distances, p);

            Assert.That(shuffled.Clearing, Is.EqualTo(paired.Clearing), $"book {n}");
            Assert.That(shuffled.Matches, Is.EqualTo(paired.Matches), $"book {n}");
            Assert.That(shuffled.Removed.Select(r => r.Id).Order(), Is.EqualTo(paired.Removed.Select(r => r.Id).Order()), $"book {n}");
        }
    }

    [Test]
    public void AgreesWithALiteralReadingOfMarketMd()
    {
        var books = new RandomWindowBooks(9);
        var removals = 0;
        for (var n = 0; n < 800; n++)
        {
            var (book, p) = books.Next(maxOrders: 80);
            var paired = WindowPairing.ClearAndPair(book, RandomWindowBooks.Distances, p);
            var literal = LiteralWindowPairing.ClearAndPair(book, RandomWindowBooks.Distances, p);

            Assert.That(paired.Clearing, Is.EqualTo(literal.Clearing), $"book {n}");
            Assert.That(paired.Matches, Is.EqualTo(literal.Matches), $"book {n}");
            Assert.That(paired.Removed.Select(r => r.Id).ToHashSet(), Is.EquivalentTo(literal.Removed), $"book {n}");
            removals += paired.Removed.Count(r => r.Reason == RemovalReason.Unplaced);
        }

        Assert.That(removals, Is.GreaterThan(50), "the removal rounds are exercised");
    }

    private static Dictionary<string, long> Sums(IEnumerable<PairedMatch> matches, Func<PairedMatch, string> id) =>
        matches.GroupBy(id).ToDictionary(g => g.Key, g => g.Sum(m => m.EnergyWh));
}
