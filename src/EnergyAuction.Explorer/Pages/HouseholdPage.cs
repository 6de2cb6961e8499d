using System.Text;
using EnergyAuction.Chain;
using EnergyAuction.Explorer.Reading;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Explorer.Pages;

/// <summary>The Household page, by account address or meter id: the balance it may withdraw now (the contract's
/// `withdrawable`), a chart and a table of its windows with their settlement, and its orders with their validation and
/// matched energy.</summary>
public static class HouseholdPage
{
    /// <summary>Renders the household: 400 for a malformed address or meter id, 404 for an unregistered meter or an
    /// address the market has never seen.</summary>
    public static async Task<PageResult> RenderAsync(MarketReader reader, string who, CancellationToken ct)
    {
        string owner;
        if (who.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (!ChainAddress.IsValid(who))
                return PageResult.BadRequest($"address \"{who}\": an address is 0x followed by 40 hexadecimal digits");
            owner = ChainAddress.ToChecksum(who);
        }
        else
        {
            if (MeterId.Problem(who) is { } problem)
                return PageResult.BadRequest($"meter \"{who}\": {problem}");
            var meter = await reader.Market.DataAccess.MeterOfAsync(who, ct);
            if (!meter.IsRegistered)
                return PageResult.NotFound($"meter \"{who}\" registered");
            owner = ChainAddress.ToChecksum(meter.Owner);
        }

        var (block, _) = await reader.LatestBlockAsync(ct);
        var household = await HouseholdRecord.ReadAsync(reader, owner, ct);
        var withdrawable = await reader.Market.Trade.WithdrawableAsync(owner, ct);
        if (household.Orders.Count == 0 && withdrawable == 0)
            return PageResult.NotFound($"household {owner} (no orders and nothing to withdraw)");

        var body = new StringBuilder()
            .Append($"<h1>Household {Html.E(owner)}</h1>")
            .Append($"<p>Withdrawable now: <b id=\"withdrawable\" data-wei=\"{withdrawable}\">{Html.Wei(withdrawable)}</b> ({withdrawable} wei).</p>")
            .Append("<h2>Its windows</h2>")
            .Append(HouseholdChart.Svg(household.Windows))
            .Append(WindowsTable(household.Windows))
            .Append(OrdersTable(household.Orders));
        return PageResult.Ok($"Household {owner}", body.ToString(), block);
    }

    private static string WindowsTable(IReadOnlyList<HouseholdWindow> windows)
    {
        var sb = new StringBuilder("<table id=\"household-windows\"><tr><th>window</th><th class=\"l\">phase</th><th>price</th><th>sold</th><th>bought</th><th>paid</th><th>paid out to it</th><th>penalties to it</th><th>escrow returned</th></tr>");
        foreach (var w in windows)
            sb.Append($"<tr data-window-id=\"{w.WindowId}\"><td><a href=\"/window/{w.WindowId}\">{w.WindowId}</a></td><td class=\"l\">{w.Window.Phase}</td>")
              .Append($"<td>{(w.Window.MatchCount > 0 ? Html.Wei(w.Window.Price) + "/kWh" : "-")}</td><td>{Html.Kwh(w.SoldWh)}</td><td>{Html.Kwh(w.BoughtWh)}</td>")
              .Append(w.SettledMatches == 0
                  ? "<td colspan=\"4\" class=\"l\">not settled</td></tr>"
                  : $"<td>{Html.Wei(w.Paid)}</td><td>{Html.Wei(w.PaidOut)}</td><td>{Html.Wei(w.Penalties)}</td><td>{Html.Wei(w.Refunded)}</td></tr>");
        return sb.Append("</table><p class=\"note\">Settlement figures are the contract's MatchSettled events for this household's matches; a bid's ")
            .Append("escrow returned is its escrow less what it paid, plus penalties, as the contract credits it. Offers' unmatched collateral ")
            .Append("returns when a window closes; all of these are paid into the withdrawable balance above.</p>").ToString();
    }

    private static string OrdersTable(IReadOnlyList<(ulong Id, OrderInfo Order)> orders)
    {
        var sb = new StringBuilder("<h2>Orders</h2><table id=\"orders\"><tr><th>order</th><th>window</th><th class=\"l\">side</th><th class=\"l\">meter</th><th>energy</th><th>price</th><th class=\"l\">status</th><th>matched</th><th>deposit</th></tr>");
        foreach (var (id, o) in orders)
            sb.Append($"<tr data-order-id=\"{id}\"><td>{id}</td><td><a href=\"/window/{o.WindowId}\">{o.WindowId}</a></td><td class=\"l\">{o.Side}</td><td class=\"l\">{Html.E(o.Meter)}</td>")
              .Append($"<td>{Html.Kwh(o.EnergyWh)}</td><td>{Html.Wei(o.Price)}/kWh</td><td class=\"l\">{o.Status}</td><td>{Html.Kwh(o.MatchedWh)}</td><td>{Html.Wei(o.Deposit)}</td></tr>");
        return sb.Append("</table>").ToString();
    }
}
