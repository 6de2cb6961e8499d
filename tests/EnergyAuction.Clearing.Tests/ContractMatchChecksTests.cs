using EnergyAuction.Chain;

namespace EnergyAuction.Clearing.Tests;

public class ContractMatchChecksTests
{
    private static readonly WindowParams Window = WindowParams.ForTests() with { MaxDistanceM = 500 };

    [Test]
    public void The_seller_fee_half_may_not_exceed_the_price()
    {
        var matches = new[] { new ChainMatch(1, 2, 1000, 100) };
        Assert.That(ContractMatchChecks.WouldReject(Window with { GridCharge = 20_000 }, 1_000, matches, 255), Is.Null, "1000 * 2000 = 20000 * 100");
        Assert.That(ContractMatchChecks.WouldReject(Window with { GridCharge = 20_001 }, 1_000, matches, 255), Does.Contain("fee"));
    }

    [Test]
    public void A_match_may_not_span_more_than_the_window_allows()
    {
        var at = new[] { new ChainMatch(1, 2, 1000, 500) };
        var beyond = new[] { new ChainMatch(1, 2, 1000, 501) };
        Assert.That(ContractMatchChecks.WouldReject(Window with { GridCharge = 0 }, 1_000, at, 255), Is.Null);
        Assert.That(ContractMatchChecks.WouldReject(Window with { GridCharge = 0 }, 1_000, beyond, 255), Is.EqualTo("match 1->2 spans 501 m, beyond the window's 500 m"));
    }

    [Test]
    public void A_bid_may_not_need_more_matches_than_the_contract_allows()
    {
        var matches = new[] { new ChainMatch(1, 9, 1000, 0), new ChainMatch(2, 9, 1000, 0), new ChainMatch(3, 8, 1000, 0) };
        Assert.That(ContractMatchChecks.WouldReject(Window, 1_000, matches, 2), Is.Null);
        Assert.That(ContractMatchChecks.WouldReject(Window, 1_000, matches, 1), Is.EqualTo("bid 9 would need 2 matches, more than 1"));
    }
}
