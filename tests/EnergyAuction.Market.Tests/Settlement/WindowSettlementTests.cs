using System.Numerics;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement;

namespace EnergyAuction.Market.Tests.Settlement;

public class WindowSettlementTests
{
    // C_d = 1000 wei/kWh/km, L = 500 m, π = 2000 wei/kWh, p0 = 100000 wei/kWh.
    private static readonly WindowParameters Window = new(1000, 500, 2000);
    private static readonly Order[] Offers = [new("s1", 2000, 80_000, 1), new("s2", 1500, 90_000, 2)];
    private static readonly Order[] Bids = [new("b1", 3000, 120_000, 1), new("b2", 1000, 90_000, 2)];
    private static readonly PairedMatch[] Matches = [new("s1", "b1", 2000, 101), new("s2", "b1", 1000, 333)];

    [Test]
    public void HandComputedWindowSettlesToTheWei()
    {
        // b1 received 2500 of 3000 Wh: d = floor(2500*2000/3000) = 1666 and floor(2500*1000/3000) = 833,
        // remainder 1 Wh to the first match: 1667, 833.
        var result = WindowSettlement.Settle(Window, 100_000, Offers, Bids, Matches, new Dictionary<string, long> { ["b1"] = 2500 });

        Assert.That(result.Matches, Is.EqualTo(new[]
        {
            // fee floor(1667*1000*101/1e6) = 168, halves 84/84; penalty cost(333, 2000) = 666.
            new MatchSettlement("s1", "b1", 2000, 101, 1667, 168, 84, 84, 166_700 - 84 + 4000 - 666, 166_700 + 84, 666),
            // fee floor(833*1000*333/1e6) = 277: the odd wei is the buyer's (138 seller, 139 buyer).
            new MatchSettlement("s2", "b1", 1000, 333, 833, 277, 138, 139, 83_300 - 138 + 2000 - 334, 83_300 + 139, 334),
        }));
        Assert.That(result.Offers, Is.EqualTo(new[]
        {
            new OfferAccount("s1", 4000, 0, 169_950),
            new OfferAccount("s2", 3000, 1000, 85_828),
        }));
        // Escrow b1 = 360000 + floor(3000*1000*500/2e6) = 360750; b2 unmatched gets 90250 back.
        Assert.That(result.Bids, Is.EqualTo(new[]
        {
            new BidAccount("b1", 360_750, 2500, 250_223, 110_527, 1000, 0),
            new BidAccount("b2", 90_250, 0, 0, 90_250, 0, 0),
        }));
        Assert.That(result.Fees, Is.EqualTo(new BigInteger(445)));
        Assert.That(result.MoneyOut, Is.EqualTo(result.MoneyIn));
    }

    [Test]
    public void FullDeliveryPaysNoPenaltiesAndOverReadingsAreCapped()
    {
        var result = WindowSettlement.Settle(Window, 100_000, Offers, Bids, Matches, new Dictionary<string, long> { ["b1"] = 9999 });

        Assert.That(result.Matches.Select(m => m.DeliveredWh), Is.EqualTo(new long[] { 2000, 1000 }));
        Assert.That(result.Penalties, Is.EqualTo(BigInteger.Zero));
    }

    [Test]
    public void NothingDeliveredForfeitsTheMatchedCollateralToTheBuyer()
    {
        var result = WindowSettlement.Settle(Window, 100_000, Offers, Bids, Matches, new Dictionary<string, long> { ["b1"] = 0 });

        Assert.That(result.Offers.Select(o => o.Payout), Is.EqualTo(new BigInteger[] { 0, 1000 }));
        Assert.That(result.Bids[0].Refund + result.Bids[0].Penalties, Is.EqualTo(result.Bids[0].Escrow + 6000));
        Assert.That(result.Fees, Is.EqualTo(BigInteger.Zero));
    }

    [Test]
    public void AMatchedBidWithoutAReadingIsAnError()
    {
        Assert.That(() => WindowSettlement.Settle(Window, 100_000, Offers, Bids, Matches, new Dictionary<string, long>()),
            Throws.TypeOf<SettlementException>().With.Message.Contains("bid b1"));
    }

    [Test]
    public void OverAllocatedOrdersAreRejected()
    {
        PairedMatch[] tooMuch = [new("s1", "b1", 2000, 10), new("s1", "b2", 1, 10)];

        Assert.That(() => WindowSettlement.Settle(Window, 100_000, Offers, Bids, tooMuch, new Dictionary<string, long> { ["b1"] = 1, ["b2"] = 1 }),
            Throws.TypeOf<SettlementException>().With.Message.Contains("offer s1"));
    }

    [Test]
    public void AGridFeeAboveTheEnergysValueIsFeeAbovePrice()
    {
        var window = new WindowParameters(1_000_000, 500, 0);

        Assert.That(() => WindowSettlement.Settle(window, 10, [new("s", 1000, 1, 1)], [new("b", 1000, 10, 1)],
                [new("s", "b", 1000, 400)], new Dictionary<string, long> { ["b"] = 1000 }),
            Throws.TypeOf<SettlementException>().With.Message.Contains("FeeAbovePrice(s, b)"));
    }

    [Test]
    public void WhenTheBuyersFeeHalfOverdrawsATightEscrowTheFeeRecipientForgoesTheDifference()
    {
        // p0 = P(b) and a match at distance L: the escrow holds floor(1000*1*1000/2e6) = 0 wei for fees,
        // but the buyer's half of a 1 wei fee is 1 wei. EnergyTrade caps the buyer at its escrow.
        var window = new WindowParameters(1, 1000, 0);

        var result = WindowSettlement.Settle(window, 1000, [new("s", 1000, 1000, 1)], [new("b", 1000, 1000, 1)],
            [new("s", "b", 1000, 1000)], new Dictionary<string, long> { ["b"] = 1000 });

        Assert.That(result.Matches[0].BuyerPays, Is.EqualTo(new BigInteger(1001)));
        Assert.That(result.Bids[0], Is.EqualTo(new BidAccount("b", 1000, 1000, 1000, 0, 0, 1)));
        Assert.That(result.Fees, Is.EqualTo(BigInteger.Zero));
        Assert.That(result.MoneyOut, Is.EqualTo(result.MoneyIn));
    }

    [Test]
    public void DeliverySplitHandsTheRemainderToTheFirstMatches()
    {
        Assert.That(DeliverySplit.Spread(10, [3, 3, 3, 3]), Is.EqualTo(new long[] { 3, 3, 2, 2 }));
        Assert.That(DeliverySplit.Spread(-5, [3]), Is.EqualTo(new long[] { 0 }));
        Assert.That(DeliverySplit.Spread(long.MaxValue, [long.MaxValue - 1, 1]), Is.EqualTo(new[] { long.MaxValue - 1, 1 }));
    }

    [Test]
    public void EscrowCollateralAndCostRoundDown()
    {
        Assert.That(Money.Cost(1999, 1), Is.EqualTo(BigInteger.One));
        Assert.That(Escrow.ForBid(3, 1000, 1, 999_999), Is.EqualTo(new BigInteger(3 + 1)));
        Assert.That(Collateral.ForOffer(1500, 3), Is.EqualTo(new BigInteger(4)));
    }
}
