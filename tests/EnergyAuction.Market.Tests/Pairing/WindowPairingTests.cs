using System.Numerics;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Tests.Pairing;

public class WindowPairingTests
{
    private static readonly FeederTopology Feeder = RandomWindowBooks.Feeder;
    private static readonly FeederDistances Distances = RandomWindowBooks.Distances;
    private static readonly PairingParameters Uniform = new(Mechanism.Uniform, 10, 1000);

    private static Participant At(string load, string owner, long? preference = null) => new(Feeder.LoadBus[load], owner, preference);

    private static PairedWindow Pair(Order[] offers, Order[] bids, Dictionary<string, Participant> who, PairingParameters? parameters = null) =>
        WindowPairing.ClearAndPair(new WindowBook(offers, bids, who), Distances, parameters ?? Uniform);

    [Test]
    public void TheThesisVectorPairsItsDpdaClearingInFull()
    {
        var book = ThesisVector.Book;
        var loads = Feeder.Loads.Select(l => l.Name).ToArray();
        var who = book.Offers.Concat(book.Bids).Select((o, i) => (o.Id, At(loads[i % loads.Length], $"h{i}")))
            .ToDictionary(x => x.Id, x => x.Item2);

        var paired = WindowPairing.ClearAndPair(new WindowBook(book.Offers, book.Bids, who), Distances, new PairingParameters(Mechanism.Dpda, 1, 1000));

        Assert.That(paired.Price, Is.EqualTo(new BigInteger(16500)));
        Assert.That(paired.Removed, Is.Empty);
        Assert.That(paired.Matches.GroupBy(m => m.BidId).ToDictionary(g => g.Key, g => g.Sum(m => m.EnergyWh)),
            Is.EquivalentTo(new Dictionary<string, long> { ["39"] = 16000, ["9"] = 70000, ["12"] = 60000 }));
        Assert.That(paired.Matches.GroupBy(m => m.OfferId).ToDictionary(g => g.Key, g => g.Sum(m => m.EnergyWh)),
            Is.EquivalentTo(new Dictionary<string, long> { ["24"] = 24250, ["20"] = 39250, ["45"] = 13250, ["4"] = 69250 }));
    }

    [Test]
    public void EqualWelfareGoesToTheNearestSellerFirst()
    {
        var paired = Pair([new Order("far", 300, 50, 1), new Order("near", 300, 50, 2)], [new Order("b", 600, 200, 1)],
            new() { ["far"] = At("LOAD20", "x"), ["near"] = At("LOAD2", "y"), ["b"] = At("LOAD1", "z") });

        Assert.That(paired.Matches, Is.EqualTo(new[] { new PairedMatch("near", "b", 300, 25), new PairedMatch("far", "b", 300, 250) }));
    }

    [Test]
    public void ASellerWhosePreferenceIsExceededComesAfterOneThatAcceptsTheDistance()
    {
        // picky is nearer (45 m) but prefers 10 m, so f_s = 10/45; relaxed (70 m) goes first.
        var paired = Pair([new Order("picky", 300, 50, 1), new Order("relaxed", 300, 50, 2)], [new Order("b", 600, 200, 1)],
            new() { ["picky"] = At("LOAD3", "x", 10), ["relaxed"] = At("LOAD5", "y"), ["b"] = At("LOAD1", "z") });

        Assert.That(paired.Matches, Is.EqualTo(new[] { new PairedMatch("relaxed", "b", 300, 70), new PairedMatch("picky", "b", 300, 45) }));
    }

    [Test]
    public void OneOwnerIsNeverMatchedWithItselfAndItsLonelyOrdersLeaveTheBook()
    {
        var paired = Pair([new Order("s", 500, 50, 1)], [new Order("b", 500, 200, 1)],
            new() { ["s"] = At("LOAD2", "same"), ["b"] = At("LOAD3", "same") });

        Assert.That(paired.Price, Is.Null);
        Assert.That(paired.Removed.Select(r => (r.Id, r.Reason, r.Round)), Is.EqualTo(new[] { ("s", RemovalReason.Unreachable, 0), ("b", RemovalReason.Unreachable, 0) }));
    }

    [Test]
    public void AnOrderWithNobodyWithinLIsLeftOutBeforeClearing()
    {
        // LOAD20 is 250 m from LOAD1; with L = 100 m the dear bid there cannot trade and must not set the price.
        var paired = Pair([new Order("s", 500, 50, 1)], [new Order("far", 500, 1000, 1), new Order("near", 500, 100, 2)],
            new() { ["s"] = At("LOAD1", "x"), ["far"] = At("LOAD20", "y"), ["near"] = At("LOAD2", "z") },
            Uniform with { MaxDistanceM = 100 });

        Assert.That(paired.Removed.Single(), Is.EqualTo(new RemovedOrder("far", OrderSide.Bid, RemovalReason.Unreachable, 0)));
        Assert.That(paired.Price, Is.EqualTo(new BigInteger(75)));
        Assert.That(paired.Matches, Is.EqualTo(new[] { new PairedMatch("s", "near", 500, 25) }));
    }

    [Test]
    public void AWinnerTheFeasiblePairsCannotPlaceIsRemovedAndTheRestClearsAgain()
    {
        // C_d = 2000: a pair is feasible only if d <= p0 metres. At p0 = floor((100 + 201) / 2) = 150 the offer on
        // LOAD20 reaches neither buyer (both near LOAD1, 200 m and more away); cheap serves hi, the higher score. The
        // unplaced winners are far (surplus 50) and marg (surplus 51): far goes, and the rest clears to cheap -> hi.
        var paired = Pair([new Order("cheap", 500, 50, 1), new Order("far", 500, 100, 2)], [new Order("hi", 500, 400, 1), new Order("marg", 500, 201, 2)],
            new() { ["cheap"] = At("LOAD2", "a"), ["far"] = At("LOAD20", "b"), ["hi"] = At("LOAD1", "c"), ["marg"] = At("LOAD3", "d") },
            new PairingParameters(Mechanism.Uniform, 2000, 1000));

        Assert.That(paired.Removed, Is.EqualTo(new[] { new RemovedOrder("far", OrderSide.Offer, RemovalReason.Unplaced, 1) }));
        Assert.That(paired.Matches, Is.EqualTo(new[] { new PairedMatch("cheap", "hi", 500, 25) }));
        Assert.That((paired.Price, paired.Rounds), Is.EqualTo(((BigInteger?)225, 2)));
    }

    [Test]
    public void ABidAtTheMatchCapLeavesThePassAndIfUnplacedIsRemoved()
    {
        var offers = new[] { new Order("s1", 100, 10, 1), new Order("s2", 100, 10, 2), new Order("s3", 100, 10, 3) };
        var who = new Dictionary<string, Participant> { ["s1"] = At("LOAD2", "a"), ["s2"] = At("LOAD3", "b"), ["s3"] = At("LOAD4", "c"), ["big"] = At("LOAD1", "d"), ["small"] = At("LOAD5", "e") };
        var bids = new[] { new Order("big", 300, 100, 1), new Order("small", 100, 90, 2) };

        var capped = Pair(offers, bids, who, new PairingParameters(Mechanism.Uniform, 0, 1000, 2));

        Assert.That(capped.Removed.Select(r => r.Id), Is.EqualTo(new[] { "big" }));
        Assert.That(capped.Matches.Select(m => m.BidId), Is.EqualTo(new[] { "small" }));
        Assert.That(Pair(offers, bids, who, new PairingParameters(Mechanism.Uniform, 0, 1000, 3)).Matches.Count(m => m.BidId == "big"), Is.EqualTo(3));
    }

    [Test]
    public void PairingCapsMatchesPerBidAtTheContractsCapByDefault()
    {
        Assert.That(MarketLimits.MaxMatchesPerBid, Is.EqualTo(128));
        Assert.That(new PairingParameters(Mechanism.Dpda, 0, 1).MaxMatchesPerBid, Is.EqualTo(128));
    }

    [TestCase(0L, "distance preference D = 0 m is outside (0, L = 1000 m]")]
    [TestCase(1001L, "distance preference D = 1001 m is outside")]
    public void ADistancePreferenceOutsideZeroToLIsRefused(long preference, string expected)
    {
        Assert.That(() => Pair([new Order("s", 1, 1, 1)], [new Order("b", 1, 1, 1)], new() { ["s"] = At("LOAD1", "x", preference), ["b"] = At("LOAD2", "y") }),
            Throws.TypeOf<PairingException>().With.Message.Contains("offer s: " + expected));
    }

    [Test]
    public void AnOrderWithoutAParticipantOrOffTheFeederIsRefused()
    {
        Assert.That(() => Pair([new Order("s", 1, 1, 1)], [new Order("b", 1, 1, 1)], new() { ["s"] = At("LOAD1", "x") }),
            Throws.TypeOf<PairingException>().With.Message.Contains("bid b has no participant"));
        Assert.That(() => Pair([new Order("s", 1, 1, 1)], [new Order("b", 1, 1, 1)], new() { ["s"] = At("LOAD1", "x"), ["b"] = new("nowhere", "y") }),
            Throws.TypeOf<PairingException>().With.Message.Contains("bid b: bus nowhere is not on the feeder"));
    }
}
