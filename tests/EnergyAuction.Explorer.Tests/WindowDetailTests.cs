using System.Numerics;
using System.Text.RegularExpressions;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Clearing;
using EnergyAuction.Data;
using EnergyAuction.Devnet;
using EnergyAuction.Explorer.Pages;

namespace EnergyAuction.Explorer.Tests;

/// <summary>The Window page's audit detail against the chain: each mechanism's price, the matches on the feeder map,
/// and the settlement figures the contract recorded and credited.</summary>
public sealed class WindowDetailTests
{
    [Test]
    public async Task EachMechanismsPriceIsRecomputedFromTheOnChainBook()
    {
        var (id, plan) = ExplorerMarket.Honest;
        var html = await ExplorerMarket.Http.GetStringAsync($"/window/{id}");
        var window = await ExplorerMarket.Operator.Trade.GetWindowAsync(id);
        var book = await WindowOrderBook.ReadAsClearedAsync(ExplorerMarket.Operator, id, window);
        var limits = await ExplorerMarket.Operator.Trade.GetLimitsAsync();
        var feeder = ClearingFeeder.Load(SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir)).Distances;

        Assert.That(html, Does.Contain($"<td id=\"price-dpda\">{Html.Wei(plan.Price)}/kWh</td>"), "the window's own mechanism gives the posted price");
        foreach (var mechanism in new[] { Mechanism.Mcafee, Mechanism.Uniform })
        {
            var price = WindowClearing.ClearAndPair(window.Params with { Mechanism = mechanism }, book, feeder, limits.MaxMatchesPerBid).Price;
            var name = ChainMechanisms.Name(mechanism);
            Assert.That(price, Is.Not.Null, name);
            Assert.That(html, Does.Contain($"<td id=\"price-{name}\">{Html.Wei(price!.Value)}/kWh</td>"), name);
        }
    }

    [Test]
    public async Task EveryMatchIsDrawnOnTheFeederMapBetweenItsMetersBuses()
    {
        var (id, plan) = ExplorerMarket.Honest;
        var html = await ExplorerMarket.Http.GetStringAsync($"/window/{id}");
        var seller = await ExplorerMarket.Operator.DataAccess.MeterOfAsync("S-1");
        var buyer = await ExplorerMarket.Operator.DataAccess.MeterOfAsync("B-1");

        Assert.That(html, Does.Contain("<svg id=\"feeder-map\""));
        var drawn = Regex.Matches(html, "<line class=\"match\" data-map-match=\"(\\d+)\"[^>]*><title>([^<]*)</title>");
        Assert.That(drawn.Select(m => int.Parse(m.Groups[1].Value)), Is.EquivalentTo(Enumerable.Range(1, plan.Matches.Count)));
        foreach (Match m in drawn)
        {
            var k = int.Parse(m.Groups[1].Value);
            Assert.That(m.Groups[2].Value, Does.StartWith($"match #{k}: bus {seller.Bus} to bus {buyer.Bus}, {Html.Kwh(plan.Matches[k - 1].EnergyWh)}"));
        }
        Assert.That(html, Does.Contain("Match energy:"), "the legend");
    }

    [Test]
    public async Task TheSettlementShowsEachMatchAsTheContractSettledIt()
    {
        var (id, plan) = ExplorerMarket.Honest;
        var html = await ExplorerMarket.Http.GetStringAsync($"/window/{id}");
        var settled = (await ExplorerMarket.Operator.Trade.GetEventsAsync<MatchSettledEvent>(0, null, id)).Select(e => e.Event).ToList();

        Assert.That(settled, Has.Count.EqualTo(plan.Matches.Count), "the fixture settled every match");
        for (var i = 0; i < plan.Matches.Count; i++)
        {
            var e = settled.Single(s => s.OfferId == plan.Matches[i].OfferId && s.BidId == plan.Matches[i].BidId);
            Assert.That(html, Does.Contain($"<tr data-settled-match=\"{i + 1}\"><td>#{i + 1}</td><td>{e.OfferId}</td><td>{e.BidId}</td><td>{Html.Kwh(plan.Matches[i].EnergyWh)}</td>" +
                                           $"<td>{Html.Kwh((ulong)e.BuyerWh)}</td><td>{Html.Kwh((ulong)e.SellerWh)}</td><td>{Html.Kwh((ulong)e.TradedWh)}</td>" +
                                           $"<td>{Html.Wei(e.FeeHalf)}</td><td>{Html.Wei(e.SellerPenalty)}</td><td>{Html.Wei(e.BuyerPenalty)}</td></tr>"));
        }
    }

    [Test]
    public async Task TheDsosFeesAndEachHouseholdsSettlementAreWhatTheContractCredited()
    {
        // Only the honest window is settled, so each account's withdrawable balance is exactly what it credited.
        var html = await ExplorerMarket.Http.GetStringAsync($"/window/{ExplorerMarket.Honest.Id}");
        var trade = ExplorerMarket.Operator.Trade;
        var dso = await trade.WithdrawableAsync(ExplorerMarket.Dso.Address);
        var buyer = await trade.WithdrawableAsync(ExplorerMarket.Buyer.Address);
        var seller = await trade.WithdrawableAsync(ExplorerMarket.Seller.Address);

        Assert.That(dso, Is.GreaterThan(BigInteger.Zero));
        Assert.That(html, Does.Contain($"<b id=\"dso-fees\" data-wei=\"{dso}\">{Html.Wei(dso)}</b>"));
        Assert.That(Row(html, ExplorerMarket.Buyer.Address), Does.EndWith($"<td>{Html.Wei(buyer)}</td></tr>"), "escrow returned to the buyer");
        Assert.That(Row(html, ExplorerMarket.Seller.Address), Does.Contain($"<td>{Html.Wei(seller)}</td><td>0 ETH</td><td>0 ETH</td></tr>"), "paid out to the seller");
    }

    [Test]
    public async Task AWindowNotYetSettledSaysSoRatherThanShowingFigures()
    {
        var html = await ExplorerMarket.Http.GetStringAsync($"/window/{ExplorerMarket.Tampered}");

        Assert.That(html, Does.Contain("<p id=\"settlement-progress\">0 of "));
        Assert.That(html, Does.Contain("<td colspan=\"6\" class=\"l\">not settled yet</td>"));
    }

    private static string Row(string html, string account)
    {
        var match = Regex.Match(html, $"<tr data-account=\"{account}\">.*?</tr>");
        Assert.That(match.Success, $"a settlement row for {account}");
        return match.Value;
    }
}
