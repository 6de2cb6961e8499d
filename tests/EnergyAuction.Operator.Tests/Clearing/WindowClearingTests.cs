using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator.Clearing;

namespace EnergyAuction.Operator.Tests.Clearing;

public class WindowClearingTests
{
    private static readonly FeederDistances Feeder = FallbackFeeder.Create().Distances();
    private static readonly WindowParams Window = WindowParams.ForTests("0x70997970C51812dc3A010C7d01b50e0d17dc79C8") with { GridCharge = 1 };

    private static WindowOrder Order(ulong id, OrderSide side, ulong wh, long price, uint bus, OrderStatus status = OrderStatus.Valid) =>
        new(id, new OrderInfo(1, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", MeterId.ToBytes32($"M-{id}"), side, wh, new BigInteger(price), status, 0, 0), bus);

    // The thesis vector of MARKET.md (on-chain ids in seq order), buses along the fallback feeder's trunk.
    private static List<WindowOrder> ThesisBook() =>
    [
        Order(1, OrderSide.Offer, 30000, 20000, 1), Order(2, OrderSide.Offer, 25000, 10000, 2), Order(3, OrderSide.Offer, 18000, 16000, 3),
        Order(4, OrderSide.Offer, 40000, 5000, 4), Order(5, OrderSide.Offer, 50000, 16000, 5), Order(6, OrderSide.Offer, 21000, 25000, 6),
        Order(7, OrderSide.Offer, 14000, 7000, 7), Order(8, OrderSide.Offer, 70000, 2000, 8),
        Order(9, OrderSide.Bid, 20000, 17000, 9), Order(10, OrderSide.Bid, 16000, 28000, 10), Order(11, OrderSide.Bid, 50000, 6000, 1),
        Order(12, OrderSide.Bid, 70000, 30000, 2), Order(13, OrderSide.Bid, 24000, 8000, 3), Order(14, OrderSide.Bid, 19000, 15000, 4),
        Order(15, OrderSide.Bid, 60000, 23000, 5),
    ];

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
    public void Listing_order_does_not_change_the_plan()
    {
        var book = ThesisBook();
        var shuffled = book.OrderBy(o => (o.OrderId * 7919) % 13).ToList();
        Assert.That(WindowClearing.Compute(Window, shuffled, Feeder, 255).Matches, Is.EqualTo(WindowClearing.Compute(Window, book, Feeder, 255).Matches));
    }

    [TestCase(OrderStatus.PendingValidation)]
    [TestCase(OrderStatus.Rejected)]
    [TestCase(OrderStatus.Cancelled)]
    public void Offers_that_are_not_valid_do_not_trade(OrderStatus status)
    {
        var book = ThesisBook();
        book[7] = book[7] with { Order = book[7].Order with { Status = status } };
        Assert.That(WindowClearing.Compute(Window, book, Feeder, 255).Matches.Select(m => m.OfferId), Has.None.EqualTo(8UL));
    }

    [Test]
    public void An_order_whose_bus_is_not_on_the_feeder_stays_out()
    {
        var book = ThesisBook();
        book[7] = book[7] with { Bus = 4242 };
        Assert.That(WindowClearing.Compute(Window, book, Feeder, 255).Matches.Select(m => m.OfferId), Has.None.EqualTo(8UL));
    }

    [Test]
    public void A_clearing_the_contract_would_refuse_becomes_no_trade_with_the_reason()
    {
        var plan = WindowClearing.Compute(Window with { MaxDistanceM = 10 }, ThesisBook(), Feeder, 255);
        Assert.That(plan.Matches, Is.Empty);
        Assert.That(plan.Price, Is.EqualTo(BigInteger.Zero));
        Assert.That(plan.Problem, Does.Contain("beyond the window's 10 m"));
        Assert.That(WindowClearing.Compute(Window, ThesisBook(), Feeder, 1).Problem, Does.Contain("more than 1"));
    }

    [Test]
    public void The_seller_fee_half_may_not_exceed_the_price()
    {
        var matches = new[] { new ChainMatch(1, 2, 1000, 100) };
        Assert.That(WindowClearing.ContractWouldReject(Window with { GridCharge = 20_000 }, 1_000, matches, 255), Is.Null, "1000 * 2000 = 20000 * 100");
        Assert.That(WindowClearing.ContractWouldReject(Window with { GridCharge = 20_001 }, 1_000, matches, 255), Does.Contain("fee"));
    }

    private static string Bus(ulong orderId) => ThesisBook().Single(o => o.OrderId == orderId).Bus.ToString();
}
