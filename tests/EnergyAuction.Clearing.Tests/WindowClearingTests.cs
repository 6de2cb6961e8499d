using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Market.Feeder;
using static EnergyAuction.Clearing.Tests.Orders;

namespace EnergyAuction.Clearing.Tests;

public class WindowClearingTests
{
    private static readonly FeederDistances Feeder = FallbackFeeder.Create().Distances();
    private static readonly WindowParams Window = WindowParams.ForTests() with { GridCharge = 1 };

    [Test]
    public void The_window_is_cleared_by_its_mechanism_with_order_ids_as_engine_ids_and_seqs()
    {
        var plan = WindowClearing.Compute(Window, ThesisBook(), Feeder, 255);
        Assert.That(plan.Problem, Is.Null);
        Assert.That(plan.Price, Is.EqualTo(new BigInteger(16500)), "MARKET.md's dpda price for the thesis vector");
        Assert.That(plan.Matches.GroupBy(m => m.BidId).ToDictionary(g => g.Key, g => g.Sum(m => (long)m.EnergyWh)),
            Is.EquivalentTo(new Dictionary<ulong, long> { [10] = 16000, [12] = 70000, [15] = 60000 }));
        Assert.That(plan.Matches.GroupBy(m => m.OfferId).ToDictionary(g => g.Key, g => g.Sum(m => (long)m.EnergyWh)),
            Is.EquivalentTo(new Dictionary<ulong, long> { [2] = 24250, [4] = 39250, [7] = 13250, [8] = 69250 }));
        Assert.That(plan.Matches.All(m => m.DistanceM == Feeder.Metres(Bus(m.OfferId), Bus(m.BidId))), "distances between the meters' buses");
    }

    [Test]
    public void The_window_mechanism_decides_who_trades()
    {
        // MARKET.md appendix B: uniform also serves bid 9 (20,000 Wh at 17,000), which dpda's trade reduction leaves out.
        var uniform = WindowClearing.Compute(Window with { Mechanism = Mechanism.Uniform }, ThesisBook(), Feeder, 255);
        var dpda = WindowClearing.Compute(Window, ThesisBook(), Feeder, 255);
        Assert.That(uniform.Matches.Where(m => m.BidId == 9).Sum(m => (long)m.EnergyWh), Is.EqualTo(20000));
        Assert.That(dpda.Matches.Select(m => m.BidId), Has.None.EqualTo(9UL));
    }

    [Test]
    public void Listing_order_does_not_change_the_plan()
    {
        var book = ThesisBook();
        var shuffled = book.OrderBy(o => (o.OrderId * 7919) % 13).ToList();
        Assert.That(WindowClearing.Compute(Window, shuffled, Feeder, 255).Matches, Is.EqualTo(WindowClearing.Compute(Window, book, Feeder, 255).Matches));
    }

    [Test]
    public void An_order_whose_bus_is_not_on_the_feeder_stays_out()
    {
        var book = ThesisBook();
        book[7] = book[7] with { Bus = 4242 };
        Assert.That(WindowClearing.Compute(Window, book, Feeder, 255).Matches.Select(m => m.OfferId), Has.None.EqualTo(8UL));
    }

    [Test]
    public void Each_orders_distance_preference_from_the_chain_is_the_engines_D()
    {
        var book = ThesisBook();
        // D = L on every order pairs as orders that gave none (the contract stores L for those).
        var atL = book.Select(o => o with { Order = o.Order with { MaxDistanceM = Window.MaxDistanceM } }).ToList();
        Assert.That(WindowClearing.Compute(Window, atL, Feeder, 255).Matches, Is.EqualTo(WindowClearing.Compute(Window, book, Feeder, 255).Matches));
        // The engine sees each order's own D: one beyond L is refused by its input check.
        book[0] = book[0] with { Order = book[0].Order with { MaxDistanceM = Window.MaxDistanceM + 1 } };
        Assert.That(() => WindowClearing.ClearAndPair(Window, book, Feeder, 255),
            Throws.InstanceOf<EnergyAuction.Market.Pairing.PairingException>().With.Message.Contains("distance preference D"));
    }

    [Test]
    public void A_book_that_does_not_cross_is_no_trade()
    {
        var plan = WindowClearing.Compute(Window, [Order(1, OrderSide.Offer, 1000, 50_000, 1), Order(2, OrderSide.Bid, 1000, 40_000, 2)], Feeder, 255);
        Assert.That((plan.Price, plan.Matches.Count, plan.Problem), Is.EqualTo((BigInteger.Zero, 0, (string?)null)));
    }

    [Test]
    public void Matches_stay_within_the_windows_maximum_distance_and_the_contracts_cap()
    {
        var near = WindowClearing.Compute(Window with { MaxDistanceM = 100, Mechanism = Mechanism.Uniform }, ThesisBook(), Feeder, 255);
        Assert.That(near.Problem, Is.Null);
        Assert.That(near.Matches, Is.Not.Empty.And.All.Matches<ChainMatch>(m => m.DistanceM <= 100));
        var capped = WindowClearing.Compute(Window, ThesisBook(), Feeder, 1);
        Assert.That(capped.Problem, Is.Null);
        Assert.That(capped.Matches.GroupBy(m => m.BidId).Select(g => g.Count()), Has.All.EqualTo(1));
    }

    [Test]
    public void Orders_of_one_meter_owner_are_never_matched_with_each_other()
    {
        var plan = WindowClearing.Compute(Window, [Order(1, OrderSide.Offer, 1000, 10_000, 1, "0xAbC"), Order(2, OrderSide.Bid, 1000, 40_000, 2, "0xabc")], Feeder, 255);
        Assert.That((plan.Price, plan.Matches.Count), Is.EqualTo((BigInteger.Zero, 0)), "owners compare case-insensitively, as addresses do");
    }

    [Test]
    public void The_result_hash_commits_to_price_and_every_match()
    {
        var plan = WindowClearing.Compute(Window, ThesisBook(), Feeder, 255);
        Assert.That(plan.ResultHash(7), Is.EqualTo(ClearingResultHash.Compute(7, plan.Price, plan.Matches)));
        Assert.That(plan.ResultHash(7), Is.Not.EqualTo((plan with { Matches = plan.Matches.Skip(1).ToList() }).ResultHash(7)));
        Assert.That(plan.ResultHash(7), Is.Not.EqualTo(plan.ResultHash(8)), "the window id is part of the hash");
    }

    private static string Bus(ulong orderId) => ThesisBook().Single(o => o.OrderId == orderId).Bus.ToString();
}
