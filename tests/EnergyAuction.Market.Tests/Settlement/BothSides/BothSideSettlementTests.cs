using System.Numerics;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.Market.Tests.Settlement.BothSides;

public class BothSideSettlementTests
{
    private static readonly SettlementParameters MarketMdParams = new(100, 400, 1000, 0);

    /// <summary>MARKET.md "energy market settle": its input and every figure of its output.</summary>
    [Test]
    public void MarketMdWorkedExampleSettlesToTheWei()
    {
        var window = new WindowToSettle(MarketMdParams, 16500,
            [new SettlementOffer("24", 25000, 16000)],
            [new SettlementBid("39", 16000, 28000, 16000)],
            [new PairedMatch("24", "39", 16000, 120)],
            new Dictionary<string, long?> { ["24"] = 15000, ["39"] = null });

        var result = BothSideSettlement.Settle(window);

        Assert.That(result.Matches.Single(), Is.EqualTo(new SettledMatch("24", "39", 16000, 120, 15000, 15000, 15000, 247_500, 90, 1000, 1000)));
        Assert.That(result.Account("24"), Is.EqualTo(new OrderAccount("24", OrderSide.Offer, 25000, 1090, 248_500, 272_410)));
        Assert.That(result.Account("39"), Is.EqualTo(new OrderAccount("39", OrderSide.Bid, 464_320, 248_590, 1000, 216_730)));
        Assert.That(result.Dso, Is.EqualTo(new BigInteger(180)));
        Assert.That(result.Operator, Is.EqualTo(BigInteger.Zero));
        Assert.That(result.MoneyOut, Is.EqualTo(new BigInteger(25000 + 464_320)));
    }

    [Test]
    public void AnHonestReadingOfWhatTheSellerExportedSettlesLikeTheMissingOneInTheExample()
    {
        var honest = new WindowToSettle(MarketMdParams, 16500,
            [new SettlementOffer("24", 25000, 16000)],
            [new SettlementBid("39", 16000, 28000, 16000)],
            [new PairedMatch("24", "39", 16000, 120)],
            new Dictionary<string, long?> { ["24"] = 15000, ["39"] = 15000 });

        Assert.That(BothSideSettlement.Settle(honest).Account("39").Refund, Is.EqualTo(new BigInteger(216_730)));
    }

    [Test]
    public void AMissingBuyerReadingSettlesAtZeroWhenThatCostsTheBuyerMore()
    {
        // π far above p0: taking nothing (penalty cost(1000, 50000) = 50000) costs more than taking 400 Wh
        // (cost(400, 1000) = 400 plus penalty cost(600, 50000) = 30000).
        var window = new WindowToSettle(new SettlementParameters(0, 100, 50_000, 0), 1000,
            [new SettlementOffer("s", 1000, 1000)],
            [new SettlementBid("b", 1000, 1000, 1000)],
            [new PairedMatch("s", "b", 1000, 50)],
            new Dictionary<string, long?> { ["s"] = 400 });

        var match = BothSideSettlement.Settle(window).Matches.Single();

        Assert.That((match.BuyerWh, match.TradedWh, match.BuyerPenalty), Is.EqualTo((0L, 0L, new BigInteger(50_000))));
    }

    [Test]
    public void AMissingSellerReadingCountsAsNothingExported()
    {
        var window = new WindowToSettle(MarketMdParams, 16500,
            [new SettlementOffer("24", 25000, 16000)],
            [new SettlementBid("39", 16000, 28000, 16000)],
            [new PairedMatch("24", "39", 16000, 120)],
            new Dictionary<string, long?> { ["39"] = 16000 });

        var result = BothSideSettlement.Settle(window);

        Assert.That(result.Matches.Single().TradedWh, Is.Zero);
        Assert.That(result.Matches.Single().SellerPenalty, Is.EqualTo(new BigInteger(16000)));
        // The seller loses its matched collateral to the buyer and keeps the rest: 25000 - 16000.
        Assert.That(result.Account("24").Refund, Is.EqualTo(new BigInteger(9000)));
    }

    [Test]
    public void ReadingsSpreadProRataInPostedOrderWithRemaindersToTheFirstMatches()
    {
        // Bid b matched 3 x 1000 Wh; it imported 2002 Wh: 667 each, 1 Wh left to the first match.
        var window = new WindowToSettle(new SettlementParameters(0, 100, 1000, 0), 1000,
            [new SettlementOffer("s1", 1000, 1000), new SettlementOffer("s2", 1000, 1000), new SettlementOffer("s3", 1000, 1000)],
            [new SettlementBid("b", 3000, 1000, 3000)],
            [new PairedMatch("s3", "b", 1000, 1), new PairedMatch("s1", "b", 1000, 1), new PairedMatch("s2", "b", 1000, 1)],
            new Dictionary<string, long?> { ["s1"] = 1000, ["s2"] = 1000, ["s3"] = 1000, ["b"] = 2002 });

        var result = BothSideSettlement.Settle(window);

        Assert.That(result.Matches.Select(m => m.BuyerWh), Is.EqualTo(new long[] { 668, 667, 667 }));
        Assert.That(result.Matches.Select(m => m.OfferId), Is.EqualTo(new[] { "s3", "s1", "s2" }));
    }

    [Test]
    public void FeeHalvesRoundDownAndTheDsoGetsBoth()
    {
        // 7000 Wh * 10 wei/kWh/km * 100 m / 2e6 = 3.5: 3 wei each side and 6 to the DSO (a whole fee of 7 split
        // afterwards would leave an odd wei to someone).
        var window = new WindowToSettle(new SettlementParameters(10, 400, 0, 0), 1000,
            [new SettlementOffer("s", 7000, 7000)],
            [new SettlementBid("b", 7000, 1000, 7000)],
            [new PairedMatch("s", "b", 7000, 100)],
            new Dictionary<string, long?> { ["s"] = 7000, ["b"] = 7000 });

        var result = BothSideSettlement.Settle(window);

        Assert.That(result.Matches.Single().FeeHalf, Is.EqualTo(new BigInteger(3)));
        Assert.That(result.Dso, Is.EqualTo(new BigInteger(6)));
    }

    [Test]
    public void EveryOrderPaysTheOrderFeeToTheOperatorAndUnmatchedOrdersGetTheirDepositBack()
    {
        var window = new WindowToSettle(new SettlementParameters(100, 400, 1000, 7), 16500,
            [new SettlementOffer("s", 1000, 0)],
            [new SettlementBid("b", 2000, 20000, 0)],
            [],
            new Dictionary<string, long?>());

        var result = BothSideSettlement.Settle(window);

        Assert.That(result.Operator, Is.EqualTo(new BigInteger(14)));
        Assert.That(result.Account("s").Refund, Is.EqualTo(result.Account("s").Deposit));
        // 40000 + 2000 * 100 * 400 / 2e6 + 2000 = 42040
        Assert.That(result.Account("b").Refund, Is.EqualTo(new BigInteger(42_040)));
    }

    private static WindowToSettle Valid() => new(MarketMdParams, 16500,
        [new SettlementOffer("24", 25000, 16000)],
        [new SettlementBid("39", 16000, 28000, 16000)],
        [new PairedMatch("24", "39", 16000, 120)],
        new Dictionary<string, long?> { ["24"] = 15000 });

    private static IEnumerable<TestCaseData> Malformed()
    {
        var w = Valid();
        yield return new TestCaseData(w with { Matches = [new PairedMatch("25", "39", 16000, 120)] }, "match #0 (offer \"25\" -> bid \"39\")").SetName("unknown offer");
        yield return new TestCaseData(w with { Matches = [new PairedMatch("39", "39", 16000, 120)] }, "not an offer").SetName("a bid named as offer");
        yield return new TestCaseData(w with { Matches = [new PairedMatch("24", "39", 16000, 120), new PairedMatch("24", "39", 0, 120)] }, "match #1 (offer \"24\" -> bid \"39\"): energy").SetName("0 Wh match");
        yield return new TestCaseData(w with { Offers = [new SettlementOffer("24", 25000, 15000)] }, "offer #0 (id \"24\"): allocation 15000 Wh differs").SetName("allocation differs");
        yield return new TestCaseData(w with { Bids = [new SettlementBid("39", 16000, 28000, 16000), new SettlementBid("40", 10, 28000, 5)] }, "bid #1 (id \"40\"): allocation 5 Wh differs").SetName("unmatched allocation");
        yield return new TestCaseData(w with { Readings = new Dictionary<string, long?> { ["24"] = -1 } }, "reading \"24\": must not be negative").SetName("negative reading");
        yield return new TestCaseData(w with { Readings = new Dictionary<string, long?> { ["7"] = 1 } }, "reading \"7\": names no order").SetName("reading of no order");
        yield return new TestCaseData(w with { Price = -1 }, "price: must not be negative").SetName("negative price");
        yield return new TestCaseData(w with { Parameters = MarketMdParams with { PenaltyRate = -5 } }, "params.penaltyRate").SetName("negative penalty rate");
        yield return new TestCaseData(w with { Bids = [new SettlementBid("24", 16000, 28000, 16000)] }, "bid #0 (id \"24\"): id is a duplicate").SetName("id on both sides");
        yield return new TestCaseData(w with { Matches = [new PairedMatch("24", "39", 16000, 401)] }, "beyond the window's maximum distance").SetName("beyond L");
        yield return new TestCaseData(w with { Price = 5 }, "fee half over 120 m exceeds the price").SetName("fee above price");
        yield return new TestCaseData(w with { Price = 30000 }, "below the clearing price").SetName("bid below p0");
        yield return new TestCaseData(w with { Offers = [new SettlementOffer("24", 0, 0)] }, "offer #0 (id \"24\"): energy must be a positive").SetName("zero energy");
    }

    [TestCaseSource(nameof(Malformed))]
    public void MalformedInputIsRefusedNamingTheItem(WindowToSettle window, string expected)
    {
        Assert.That(() => BothSideSettlement.Settle(window), Throws.TypeOf<SettlementInputException>().With.Message.Contains(expected));
    }
}
