using System.Net;
using System.Numerics;
using EnergyAuction.Explorer.Pages;

namespace EnergyAuction.Explorer.Tests;

/// <summary>The explorer's pages over plain HTTP (no script), against the chain they describe.</summary>
public sealed class ExplorerPageTests
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    [Test]
    public async Task TheMarketPageListsEveryWindowWithItsPhaseAndPrice()
    {
        var html = await GetOkAsync("/");
        var honest = await ExplorerMarket.Operator.Trade.GetWindowAsync(ExplorerMarket.Honest.Id);

        Assert.That(html, Does.Contain($"<tr data-window-id=\"{ExplorerMarket.Honest.Id}\"><td><a href=\"/window/{ExplorerMarket.Honest.Id}\">{ExplorerMarket.Honest.Id}</a></td><td class=\"l\">Settlement</td>"));
        Assert.That(html, Does.Contain($"<tr data-window-id=\"{ExplorerMarket.Bidding}\"><td><a href=\"/window/{ExplorerMarket.Bidding}\">{ExplorerMarket.Bidding}</a></td><td class=\"l\">BiddingOffering</td>"));
        Assert.That(html, Does.Contain(Html.Wei(honest.Price) + "/kWh"));
        Assert.That(html, Does.Contain($"Last block <b id=\"block\">{await ExplorerMarket.Operator.Rpc.BlockNumberAsync()}</b>"));
    }

    [Test]
    public async Task TheWindowPageShowsTheChainsPriceAndMatchesAndAgrees()
    {
        var (id, plan) = ExplorerMarket.Honest;
        var html = await GetOkAsync($"/window/{id}");
        var onChain = await ExplorerMarket.Operator.Trade.GetWindowMatchesAsync(id, 0, 10);
        var price = (await ExplorerMarket.Operator.Trade.GetWindowAsync(id)).Price;

        Assert.That(onChain, Is.EqualTo(plan.Matches), "the fixture posted the honest plan");
        Assert.That(html, Does.Contain($"<b id=\"price\">{Html.Wei(price)}/kWh</b>"));
        for (var i = 0; i < onChain.Length; i++)
        {
            var seller = (await ExplorerMarket.Operator.Trade.GetOrderAsync(onChain[i].OfferId)).Meter;
            var buyer = (await ExplorerMarket.Operator.Trade.GetOrderAsync(onChain[i].BidId)).Meter;
            Assert.That(html, Does.Contain($"<tr data-match=\"{i + 1}\"><td>#{i + 1}</td><td>{onChain[i].OfferId}</td><td class=\"l\">{seller}</td><td>{onChain[i].BidId}</td>" +
                                           $"<td class=\"l\">{buyer}</td><td>{Html.Kwh(onChain[i].EnergyWh)}</td><td>{onChain[i].DistanceM} m</td>"));
        }
        Assert.That(html, Does.Contain("<span class=\"agrees\">agrees</span>"));
        Assert.That(html, Does.Contain("<svg id=\"curves\"").And.Contain($"p0 = {price} wei/kWh"));
    }

    [Test]
    public async Task ATamperedPriceShowsDiffersAndNamesThePrice()
    {
        var html = await GetOkAsync($"/window/{ExplorerMarket.Tampered}");

        Assert.That(html, Does.Contain("<span class=\"differs\">differs</span>"));
        Assert.That(html, Does.Contain(WebUtility.HtmlEncode(
            $"price: posted {Html.Wei(ExplorerMarket.Honest.Plan.Price - 5_000 * Gwei)}/kWh, recomputed {Html.Wei(ExplorerMarket.Honest.Plan.Price)}/kWh")));
    }

    [Test]
    public async Task ANewOrderAppearsOnTheWindowPage()
    {
        var before = await GetOkAsync($"/window/{ExplorerMarket.Bidding}");
        var orderId = await ExplorerMarket.BidAsync(ExplorerMarket.Bidding, 1_234, 50_000 * Gwei);
        var after = await GetOkAsync($"/window/{ExplorerMarket.Bidding}");

        Assert.That(before, Does.Not.Contain($"<tr data-order-id=\"{orderId}\"><td class=\"l\">Bid</td>"));
        Assert.That(after, Does.Contain($"<tr data-order-id=\"{orderId}\"><td>{orderId}</td><td class=\"l\">Bid</td><td class=\"l\"><a href=\"/household/B-1\">B-1</a></td>"));
        Assert.That(after, Does.Contain("1.234 kWh"));
    }

    [Test]
    public async Task TheHouseholdPageShowsWithdrawableByAddressAndByMeter()
    {
        var withdrawable = await ExplorerMarket.Operator.Trade.WithdrawableAsync(ExplorerMarket.Buyer.Address);
        var byAddress = await GetOkAsync($"/household/{ExplorerMarket.Buyer.Address.ToLowerInvariant()}");
        var byMeter = await GetOkAsync("/household/B-1");

        foreach (var html in new[] { byAddress, byMeter })
        {
            Assert.That(html, Does.Contain($"<b id=\"withdrawable\" data-wei=\"{withdrawable}\">"));
            Assert.That(html, Does.Contain($"Household {ExplorerMarket.Buyer.Address}"));
            Assert.That(html, Does.Contain($"<a href=\"/window/{ExplorerMarket.Honest.Id}\">"));
        }
    }

    [TestCase("/window/999", "No window 999 on this chain.")]
    [TestCase("/household/NOPE-1", "No meter &quot;NOPE-1&quot; registered on this chain.")]
    [TestCase("/household/0x00000000000000000000000000000000000000aa", "No household 0x00000000000000000000000000000000000000AA")]
    public async Task UnknownThingsAre404SayingWhatWasLookedFor(string path, string message)
    {
        using var response = await ExplorerMarket.Http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(message));
    }

    [TestCase("/household/0x12zz", "an address is 0x followed by 40 hexadecimal digits")]
    [TestCase("/window/abc", "a window is a whole number")]
    public async Task MalformedInputIs400WithTheReason(string path, string reason)
    {
        using var response = await ExplorerMarket.Http.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(reason));
    }

    private static async Task<string> GetOkAsync(string path)
    {
        using var response = await ExplorerMarket.Http.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), html);
        return html;
    }
}
