using EnergyAuction.Chain;
using static EnergyAuction.Clearing.Tests.Orders;

namespace EnergyAuction.Clearing.Tests;

public class OrderValidityTests
{
    [TestCase(OrderStatus.Valid, true)]
    [TestCase(OrderStatus.Matched, true)]
    [TestCase(OrderStatus.PendingValidation, false)]
    [TestCase(OrderStatus.Rejected, false)]
    [TestCase(OrderStatus.Cancelled, false)]
    public void In_Matching_valid_and_already_matched_orders_trade(OrderStatus status, bool trades) =>
        Assert.That(OrderValidity.TradesInMatching(Info(1, OrderSide.Offer, 1000, 5000, status)), Is.EqualTo(trades));

    [TestCase(OrderStatus.Settled, true)]
    [TestCase(OrderStatus.Refunded, true)]
    [TestCase(OrderStatus.Cancelled, false)]
    [TestCase(OrderStatus.Rejected, false)]
    public void After_close_an_offer_in_a_window_without_validation_traded_unless_cancelled_or_rejected(OrderStatus status, bool traded) =>
        Assert.That(OrderValidity.TradedAtClearing(1, Info(1, OrderSide.Offer, 1000, 5000, status), validatedOffers: null), Is.EqualTo(traded));

    [Test]
    public void After_close_an_offer_in_a_validating_window_traded_only_with_its_OfferValidated_event()
    {
        var validated = new HashSet<ulong> { 1 };
        Assert.That(OrderValidity.TradedAtClearing(1, Info(1, OrderSide.Offer, 1000, 5000, OrderStatus.Settled), validated), Is.True);
        Assert.That(OrderValidity.TradedAtClearing(2, Info(2, OrderSide.Offer, 1000, 5000, OrderStatus.Refunded), validated), Is.False,
            "an offer still pending at clearing is refunded later and must stay out of the recomputed book");
    }

    [Test]
    public void After_close_a_bid_needs_no_validation() =>
        Assert.That(OrderValidity.TradedAtClearing(3, Info(3, OrderSide.Bid, 1000, 5000, OrderStatus.Settled), new HashSet<ulong>()), Is.True);

    [Test]
    public void Both_rules_agree_on_a_window_in_Matching()
    {
        var validated = new HashSet<ulong> { 1, 2 };
        var book = new[]
        {
            Info(1, OrderSide.Offer, 1, 1, OrderStatus.Valid), Info(2, OrderSide.Offer, 1, 1, OrderStatus.Matched),
            Info(3, OrderSide.Offer, 1, 1, OrderStatus.PendingValidation), Info(4, OrderSide.Offer, 1, 1, OrderStatus.Rejected),
            Info(5, OrderSide.Bid, 1, 1, OrderStatus.Valid), Info(6, OrderSide.Bid, 1, 1, OrderStatus.Cancelled),
        };
        Assert.That(book.Select((o, i) => OrderValidity.TradedAtClearing((ulong)i + 1, o, validated)), Is.EqualTo(book.Select(OrderValidity.TradesInMatching)));
    }
}
