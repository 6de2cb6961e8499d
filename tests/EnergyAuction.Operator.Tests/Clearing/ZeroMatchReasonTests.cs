using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator.Clearing;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Windows;

namespace EnergyAuction.Operator.Tests.Clearing;

public class ZeroMatchReasonTests
{
    private static readonly FeederDistances Feeder = FallbackFeeder.Create().Distances();
    private static readonly BigInteger Gwei = 1_000_000_000;

    private static WindowParams Window(string mechanism, long metres = 300) =>
        WindowSchedule.ParamsFor(new WindowOptions { Mechanism = mechanism }, metres);

    private static WindowOrder Order(ulong id, OrderSide side, ulong wh, long gweiPerKwh, uint bus, string owner) =>
        new(id, new OrderInfo(1, owner, new byte[32], side, wh, gweiPerKwh * Gwei, OrderStatus.Valid, 0, 0), bus, owner);

    private static string Explain(string mechanism, params WindowOrder[] orders) =>
        ZeroMatchReason.Explain(Window(mechanism), orders, Feeder, 8);

    [Test]
    public void One_offer_and_one_bid_under_dpda_are_lost_to_trade_reduction() =>
        Assert.That(Explain("dpda", Order(1, OrderSide.Offer, 7_500, 40_000, 2, "0xa"), Order(2, OrderSide.Bid, 10_000, 60_000, 3, "0xb")),
            Is.EqualTo("dpda: 1 offer, 1 bid: trade reduction leaves nothing"));

    [Test]
    public void Bids_below_every_offer_are_named() =>
        Assert.That(Explain("uniform", Order(1, OrderSide.Offer, 1_000, 60_000, 2, "0xa"), Order(2, OrderSide.Offer, 1_000, 70_000, 4, "0xc"),
                Order(3, OrderSide.Bid, 1_000, 50_000, 3, "0xb")),
            Is.EqualTo("uniform: 2 offers, 1 bid: no bid at or above the lowest offer"));

    [Test]
    public void A_window_with_one_side_only_says_so() =>
        Assert.That(Explain("dpda", Order(1, OrderSide.Offer, 1_000, 40_000, 2, "0xa")), Is.EqualTo("dpda: 1 offer, 0 bids: nothing to match on the other side"));

    [Test]
    public void Orders_out_of_each_others_reach_are_named()
    {
        var reason = ZeroMatchReason.Explain(Window("uniform", metres: 1),
            [Order(1, OrderSide.Offer, 1_000, 40_000, 2, "0xa"), Order(2, OrderSide.Bid, 1_000, 60_000, 9, "0xb")], Feeder, 8);
        Assert.That(reason, Is.EqualTo("uniform: 1 offer, 1 bid: no offer and bid of different owners within L = 1 m of each other"));
    }
}
