using System.Text;
using EnergyAuction.Chain;
using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Pages;

/// <summary>The Market page: every window with its phase, next deadline, orders, price, traded energy, and the
/// operator's liveness (a window whose matching is overdue past the grace period may be cancelled by anyone, a cleared
/// window past its settlement deadline settled by anyone).</summary>
public static class MarketPage
{
    /// <summary>Renders the page from the chain.</summary>
    public static async Task<PageResult> RenderAsync(MarketReader reader, CancellationToken ct)
    {
        var (block, now) = await reader.LatestBlockAsync(ct);
        var count = await reader.Market.Trade.WindowCountAsync(ct);
        var rows = new StringBuilder();
        var overdue = new List<string>();
        for (var id = count; id >= 1; id--)
        {
            var w = await reader.Market.Trade.GetWindowAsync(id, ct);
            var deadline = NextDeadline(w);
            var traded = await TradedWhAsync(reader, id, w, ct);
            rows.Append($"<tr data-window-id=\"{id}\"><td><a href=\"/window/{id}\">{id}</a></td><td class=\"l\">{w.Phase}</td>")
                .Append($"<td>{(deadline is { } d ? Html.Countdown(d, now) : "-")}</td><td>{w.OrderCount}</td><td>{w.MatchCount}</td>")
                .Append($"<td>{(w.MatchCount > 0 ? Html.Wei(w.Price) + "/kWh" : "-")}</td><td>{Html.Kwh(traded)}</td></tr>");
            if (w.Phase == WindowPhase.Matching && now > w.MatchingDeadline + w.Params.GracePeriod)
                overdue.Add($"window {id}: matching overdue, cancel possible since {w.MatchingDeadline + w.Params.GracePeriod} (chain time)");
            else if (w.Phase is WindowPhase.EnergyTransfer or WindowPhase.Settlement && now > w.SettlementDeadline)
                overdue.Add($"window {id}: settlement overdue, anyone may settle and close it since {w.SettlementDeadline} (chain time)");
            else if (w.Phase is WindowPhase.BiddingOffering or WindowPhase.Matching or WindowPhase.EnergyTransfer or WindowPhase.Settlement
                     && deadline is { } late && now > late)
                overdue.Add($"window {id}: {w.Phase} deadline passed {now - late} s ago, waiting for the next phase call");
        }
        var body = new StringBuilder()
            .Append("<h1>Market</h1>")
            .Append($"<p id=\"liveness\">Last block <b id=\"block\">{block}</b> at chain time {now}. ")
            .Append(overdue.Count == 0 ? "No phase is overdue.</p>" : "Overdue:</p><ul>" + string.Concat(overdue.Select(o => $"<li>{Html.E(o)}</li>")) + "</ul>")
            .Append("<table id=\"windows\"><tr><th>window</th><th class=\"l\">phase</th><th>next deadline in</th><th>orders</th><th>matches</th><th>clearing price</th><th>traded</th></tr>")
            .Append(rows).Append("</table>")
            .Append("<p class=\"note\">Delivered energy per window comes with the v2 contracts' settlement record; v1 records only each bid's reading, shown on the Window page.</p>")
            .Append("<form action=\"/household\"><label>Household (address or meter) <input name=\"who\"></label> <button>Show</button></form>");
        return PageResult.Ok("Market", body.ToString(), block);
    }

    /// <summary>The deadline the window's current phase ends at, or null once it is closed or cancelled.</summary>
    public static ulong? NextDeadline(WindowInfo w) => w.Phase switch
    {
        WindowPhase.BiddingOffering => w.BiddingDeadline,
        WindowPhase.Matching => w.MatchingDeadline,
        WindowPhase.EnergyTransfer => w.TransferDeadline,
        WindowPhase.Settlement => w.SettlementDeadline,
        _ => null,
    };

    private static async Task<ulong> TradedWhAsync(MarketReader reader, ulong id, WindowInfo w, CancellationToken ct)
    {
        if (w.MatchCount == 0)
            return 0;
        var matches = await reader.Market.Trade.GetAllWindowMatchesAsync(id, w.MatchCount, ct);
        return matches.Aggregate(0UL, (sum, m) => sum + m.EnergyWh);
    }
}
