using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Devnet;
using EnergyAuction.Explorer.Pages;
using Microsoft.Playwright;

namespace EnergyAuction.Explorer.BrowserTests;

/// <summary>What a person sees in Chromium on the explorer's pages, against what the chain says.</summary>
public sealed class ExplorerInBrowserTests
{
    private static readonly BigInteger Gwei = AuditMarket.Gwei;

    private static AuditMarket Market => BrowserMarket.Market;

    [Test]
    public async Task TheWindowPageShowsTheChainsPriceAndEveryMatch()
    {
        var (id, _) = Market.Honest;
        var window = await Market.Operator.Trade.GetWindowAsync(id);
        var onChain = await Market.Operator.Trade.GetWindowMatchesAsync(id, 0, 10);
        var page = await BrowserMarket.OpenAsync($"/window/{id}");

        await Expect(page.Locator("#price")).ToHaveTextAsync(Html.Wei(window.Price) + "/kWh");
        await Expect(page.Locator("#matches tr[data-match]")).ToHaveCountAsync(onChain.Length);
        for (var k = 1; k <= onChain.Length; k++)
        {
            var m = onChain[k - 1];
            var cells = page.Locator($"#matches tr[data-match=\"{k}\"] td");
            await Expect(cells.Nth(1)).ToHaveTextAsync(m.OfferId.ToString());
            await Expect(cells.Nth(3)).ToHaveTextAsync(m.BidId.ToString());
            await Expect(cells.Nth(5)).ToHaveTextAsync(Html.Kwh(m.EnergyWh));
            await Expect(cells.Nth(6)).ToHaveTextAsync($"{m.DistanceM} m");
        }
        await Expect(page.Locator("#verdict")).ToContainTextAsync("agrees");
        await Expect(page.Locator("#verdict")).Not.ToContainTextAsync("differs");
        await page.CloseAsync();
    }

    [Test]
    public async Task TheWindowPageShowsTheChainsResultHashAndThatThePostedMatchesHashToIt()
    {
        var (id, _) = Market.Honest;
        var window = await Market.Operator.Trade.GetWindowAsync(id);
        var posted = await Market.Operator.Trade.GetAllWindowMatchesAsync(id, window.MatchCount);
        Assert.That(window.ResultHash.Any(b => b != 0), "the honest window's clearing is finalised");
        var page = await BrowserMarket.OpenAsync($"/window/{id}");

        await Expect(page.Locator("#verdict #chain-hash")).ToHaveTextAsync(HexConvert.ToHex(window.ResultHash));
        await Expect(page.Locator("#verdict #posted-matches-hash")).ToHaveTextAsync(HexConvert.ToHex(ClearingResultHash.Compute(id, window.Price, posted)));
        await Expect(page.Locator("#verdict #hash-verdict")).ToHaveTextAsync("agrees");
        await page.CloseAsync();
    }

    [Test]
    public async Task TheMarketPagesCountdownMovesByItself()
    {
        var window = await Market.OpenWindowAsync();
        var deadline = (await Market.Operator.Trade.GetWindowAsync(window)).BiddingDeadline;
        var page = await BrowserMarket.OpenAsync("/");
        var countdown = page.Locator($".countdown[data-deadline=\"{deadline}\"]");

        var first = await countdown.TextContentAsync();
        Assert.That(first, Does.Match(@"\d"), "a window taking orders counts down to its bidding deadline");
        await Expect(countdown).Not.ToHaveTextAsync(first!, new() { Timeout = 5_000 });
        await page.CloseAsync();
    }

    [Test]
    public async Task ANewOrderAppearsOnTheOpenWindowPageWithoutReload()
    {
        var window = await Market.OpenWindowAsync();
        var page = await BrowserMarket.OpenAsync($"/window/{window}");
        await Expect(page.Locator("#orders tr[data-order-id]")).ToHaveCountAsync(0);
        // A reload would start a new document and lose this mark.
        await page.EvaluateAsync("() => { window.openedOnce = true; }");

        var orderId = await Market.BidAsync(window, 1_234, 50_000 * Gwei);

        var row = page.Locator($"#orders tr[data-order-id=\"{orderId}\"]");
        await Expect(row).ToContainTextAsync("1.234 kWh", new() { Timeout = 15_000 });
        await Expect(row).ToContainTextAsync("B-1");
        Assert.That(await page.EvaluateAsync<bool>("() => window.openedOnce === true"), Is.True, "the page was not reloaded");
        await page.CloseAsync();
    }

    [Test]
    public async Task ATamperedMatchShowsDiffersNamingTheMatch()
    {
        var (id, number) = Market.TamperedMatch;
        var page = await BrowserMarket.OpenAsync($"/window/{id}");

        var verdict = page.Locator("#verdict");
        await Expect(verdict).ToContainTextAsync("differs");
        await Expect(verdict).ToContainTextAsync($"match #{number}");
        await Expect(verdict).Not.ToContainTextAsync("price:");
        await page.CloseAsync();
    }

    [Test]
    public async Task ATamperedPriceShowsDiffersNamingThePrice()
    {
        var page = await BrowserMarket.OpenAsync($"/window/{Market.TamperedPrice}");
        var (_, plan) = Market.Honest;

        var verdict = page.Locator("#verdict");
        await Expect(verdict).ToContainTextAsync("differs");
        await Expect(verdict).ToContainTextAsync($"price: posted {Html.Wei(plan.Price - AuditMarket.PriceCut)}/kWh, recomputed {Html.Wei(plan.Price)}/kWh");
        await page.CloseAsync();
    }

    [Test]
    public async Task TheHouseholdPagesBalanceIsTheContractsWithdrawable()
    {
        var withdrawable = await Market.Operator.Trade.WithdrawableAsync(AuditMarket.Seller.Address);
        Assert.That(withdrawable, Is.GreaterThan(BigInteger.Zero), "the seller was paid for the honest window's matches");
        var page = await BrowserMarket.OpenAsync("/household/S-1");

        var balance = page.Locator("#withdrawable");
        await Expect(balance).ToHaveAttributeAsync("data-wei", withdrawable.ToString());
        await Expect(balance).ToHaveTextAsync(Html.Wei(withdrawable));
        await page.CloseAsync();
    }
}
