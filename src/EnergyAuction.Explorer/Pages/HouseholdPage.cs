using System.Text;
using EnergyAuction.Chain;
using EnergyAuction.Explorer.Reading;
using EnergyAuction.Chain.Crypto;

namespace EnergyAuction.Explorer.Pages;

/// <summary>The Household page, by account address or meter id: its orders with their validation and matched energy,
/// and the balance it may withdraw now (the contract's `withdrawable`).</summary>
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
        var orders = new List<(ulong Id, OrderInfo Order)>();
        var orderCount = await reader.Market.Trade.OrderCountAsync(ct);
        for (ulong id = 1; id <= orderCount; id++)
        {
            var order = await reader.Market.Trade.GetOrderAsync(id, ct);
            if (ChainAddress.AreEqual(order.Owner, owner))
                orders.Add((id, order));
        }
        var withdrawable = await reader.Market.Trade.WithdrawableAsync(owner, ct);
        if (orders.Count == 0 && withdrawable == 0)
            return PageResult.NotFound($"household {owner} (no orders and nothing to withdraw)");

        var body = new StringBuilder()
            .Append($"<h1>Household {Html.E(owner)}</h1>")
            .Append($"<p>Withdrawable now: <b id=\"withdrawable\" data-wei=\"{withdrawable}\">{Html.Wei(withdrawable)}</b> ({withdrawable} wei).</p>")
            .Append("<h2>Orders</h2><table id=\"orders\"><tr><th>order</th><th>window</th><th class=\"l\">side</th><th class=\"l\">meter</th><th>energy</th><th>price</th><th class=\"l\">status</th><th>matched</th><th>deposit</th></tr>");
        foreach (var (id, o) in orders)
            body.Append($"<tr data-order-id=\"{id}\"><td>{id}</td><td><a href=\"/window/{o.WindowId}\">{o.WindowId}</a></td><td class=\"l\">{o.Side}</td><td class=\"l\">{Html.E(o.Meter)}</td>")
                .Append($"<td>{Html.Kwh(o.EnergyWh)}</td><td>{Html.Wei(o.Price)}/kWh</td><td class=\"l\">{o.Status}</td><td>{Html.Kwh(o.MatchedWh)}</td><td>{Html.Wei(o.Deposit)}</td></tr>");
        body.Append("</table>")
            .Append("<p class=\"note\">The contracts are v1: payments, penalties and refunds per window are paid into the withdrawable balance ")
            .Append("above and are not recorded one by one; the v2 settlement record will list them here.</p>");
        return PageResult.Ok($"Household {owner}", body.ToString(), block);
    }
}
