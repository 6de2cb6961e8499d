using System.Numerics;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Tests.Pairing;

public class ScorePairingTests
{
    private static readonly FeederTopology Feeder = FallbackFeeder.Create();
    private static readonly FeederDistances Distances = Feeder.Distances();

    [Test]
    public void EqualWelfareGoesToTheNearestSellerFirst()
    {
        var offers = new[] { new Order("far", 300, 50, 1), new Order("near", 300, 50, 2) };
        var bids = new[] { new Order("b", 600, 200, 1) };
        var result = Result(100, [("far", 300), ("near", 300)], [("b", 600)]);
        var participants = new Dictionary<string, Participant>
        {
            ["far"] = new(Feeder.LoadBus["LOAD20"], 1000),
            ["near"] = new(Feeder.LoadBus["LOAD2"], 1000),
            ["b"] = new(Feeder.LoadBus["LOAD1"], 1000),
        };

        var matches = ScorePairing.Pair(result, offers, bids, participants, Distances, 10);

        Assert.That(matches, Is.EqualTo(new[] { new PairedMatch("near", "b", 300, 25), new PairedMatch("far", "b", 300, 250) }));
    }

    [Test]
    public void ASellerWhosePreferenceIsExceededComesAfterOneThatAcceptsTheDistance()
    {
        var offers = new[] { new Order("picky", 300, 50, 1), new Order("relaxed", 300, 50, 2) };
        var bids = new[] { new Order("b", 600, 200, 1) };
        var result = Result(100, [("picky", 300), ("relaxed", 300)], [("b", 600)]);
        var participants = new Dictionary<string, Participant>
        {
            ["picky"] = new(Feeder.LoadBus["LOAD3"], 0),
            ["relaxed"] = new(Feeder.LoadBus["LOAD5"], 1000),
            ["b"] = new(Feeder.LoadBus["LOAD1"], 1000),
        };

        var matches = ScorePairing.Pair(result, offers, bids, participants, Distances, 10);

        // picky is nearer (45 m) but prefers 0 m, so its score halves; relaxed (70 m) goes first.
        Assert.That(matches, Is.EqualTo(new[] { new PairedMatch("relaxed", "b", 300, 70), new PairedMatch("picky", "b", 300, 45) }));
    }

    [Test]
    public void NoTradeMeansNoMatches()
    {
        Assert.That(ScorePairing.Pair(ClearingResult.NoTrade, [], [], new Dictionary<string, Participant>(), Distances, 1), Is.Empty);
    }

    [Test]
    public void AWinnerWithoutAParticipantIsAnError()
    {
        var result = Result(100, [("s", 10)], [("b", 10)]);

        Assert.That(() => ScorePairing.Pair(result, [new Order("s", 10, 1, 1)], [new Order("b", 10, 200, 1)],
                new Dictionary<string, Participant> { ["s"] = new("1", 0) }, Distances, 1),
            Throws.TypeOf<PairingException>().With.Message.Contains("bid b"));
    }

    [Test]
    public void RandomBooksPairToTheirAllocationsAndMatchTheAllPairsGreedy()
    {
        var books = new RandomBooks(4242);
        var random = books.Random;
        var loads = Feeder.Loads.Select(l => l.Bus).ToArray();
        var compared = 0;
        for (var n = 0; n < 400; n++)
        {
            var book = books.Next();
            var result = ClearingMechanisms.For((Mechanism)(n % 3)).Clear(book);
            var participants = book.Offers.Concat(book.Bids).ToDictionary(o => o.Id,
                _ => new Participant(loads[random.Next(loads.Length)], random.Next(0, 300)));
            BigInteger gridCharge = random.Next(0, 5000);

            var matches = ScorePairing.Pair(result, book.Offers, book.Bids, participants, Distances, gridCharge);

            AssertSumsMatch(matches.GroupBy(m => m.BidId), result.BidAllocations);
            AssertSumsMatch(matches.GroupBy(m => m.OfferId), result.OfferAllocations);
            Assert.That(matches, Has.All.Matches<PairedMatch>(m =>
                m.DistanceM == Distances.Metres(participants[m.OfferId].Bus, participants[m.BidId].Bus)));
            if (result.BidAllocations.Count * result.OfferAllocations.Count <= 20_000)
            {
                Assert.That(matches, Is.EqualTo(AllPairsGreedy.Pair(result, book, participants, Distances, gridCharge)));
                compared++;
            }
        }

        Assert.That(compared, Is.GreaterThan(100));
    }

    private static void AssertSumsMatch(IEnumerable<IGrouping<string, PairedMatch>> groups, Allocations allocations)
    {
        var sums = groups.ToDictionary(g => g.Key, g => g.Sum(m => m.EnergyWh));
        Assert.That(sums, Is.EquivalentTo(allocations));
        Assert.That(sums.Values, Has.All.Positive);
    }

    private static ClearingResult Result(long price, (string Id, long Wh)[] offers, (string Id, long Wh)[] bids) =>
        new(price, new Allocations(offers.Select(o => new Allocation(o.Id, o.Wh))), new Allocations(bids.Select(b => new Allocation(b.Id, b.Wh))));
}
