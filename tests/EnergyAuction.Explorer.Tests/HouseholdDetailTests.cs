using System.Text.RegularExpressions;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Explorer.Pages;

namespace EnergyAuction.Explorer.Tests;

/// <summary>The Household page's chart and windows table against the chain.</summary>
public sealed class HouseholdDetailTests
{
    [Test]
    public async Task TheChartHasABarPairForEveryWindowWithWhatTheBuyerBoughtThere()
    {
        var html = await ExplorerMarket.Http.GetStringAsync("/household/B-1");
        var bought = await BoughtPerWindowAsync();

        var groups = Regex.Matches(html, "<g data-window-id=\"(\\d+)\"><title>([^<]*)</title>");
        Assert.That(html, Does.Contain("<svg id=\"household-chart\""));
        Assert.That(groups.Select(g => ulong.Parse(g.Groups[1].Value)), Is.EqualTo(bought.Keys.Order()));
        foreach (Match g in groups)
            Assert.That(g.Groups[2].Value, Does.Contain($"bought {Html.Kwh(bought[ulong.Parse(g.Groups[1].Value)])}"));
    }

    [Test]
    public async Task TheWindowsTableShowsTheSettledEscrowReturnAndWhatIsNotSettled()
    {
        var html = await ExplorerMarket.Http.GetStringAsync("/household/B-1");
        var withdrawable = await ExplorerMarket.Operator.Trade.WithdrawableAsync(ExplorerMarket.Buyer.Address);

        var honest = Regex.Match(html, $"<tr data-window-id=\"{ExplorerMarket.Honest.Id}\"><td><a href.*?</tr>").Value;
        var tampered = Regex.Match(html, $"<tr data-window-id=\"{ExplorerMarket.Tampered}\"><td><a href.*?</tr>").Value;
        Assert.That(honest, Does.EndWith($"<td>{Html.Wei(withdrawable)}</td></tr>"), "only the honest window is settled, so its return is the whole balance");
        Assert.That(tampered, Does.Contain("not settled"));
    }

    private static async Task<Dictionary<ulong, ulong>> BoughtPerWindowAsync()
    {
        var trade = ExplorerMarket.Operator.Trade;
        var bought = new Dictionary<ulong, ulong>();
        for (ulong id = 1; id <= await trade.OrderCountAsync(); id++)
        {
            var order = await trade.GetOrderAsync(id);
            // The page of meter B-1 is its owner's: every meter the buyer holds counts.
            if (!ChainAddress.AreEqual(order.Owner, ExplorerMarket.Buyer.Address))
                continue;
            bought[order.WindowId] = bought.GetValueOrDefault(order.WindowId) + (order.Side == OrderSide.Bid ? order.MatchedWh : 0);
        }
        return bought;
    }
}
