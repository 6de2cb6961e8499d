using System.Text;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Clearing;
using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Pages;

/// <summary>The Window page: its phase and parameters, the supply and demand step curves with the posted price, each
/// mechanism's price, the order book, the posted matches and their place on the feeder, the settlement, and the
/// verification verdict recomputed by Clearing from the on-chain book.</summary>
public static class WindowPage
{
    /// <summary>Renders window <paramref name="idText"/>: 400 when it is not a number, 404 when the chain has no such window.</summary>
    public static async Task<PageResult> RenderAsync(MarketReader reader, string idText, CancellationToken ct)
    {
        if (!ulong.TryParse(idText, out var id))
            return PageResult.BadRequest($"window \"{idText}\": a window is a whole number (1, 2, ...)");
        // The small reads go out together: on a fresh explorer each would otherwise be one more round trip to the node.
        var count = reader.Market.Trade.WindowCountAsync(ct);
        var latest = reader.LatestBlockAsync(ct);
        var limits = reader.LimitsAsync(ct);
        if (id == 0 || id > await count)
            return PageResult.NotFound($"window {id}");
        var (block, now) = await latest;
        var window = await reader.Records.GetAsync(reader, id, block, ct);
        var audit = reader.Records.Audit(window, reader.Feeder, await limits, new ClearingUnits(p => Html.Wei(p), e => Html.Kwh((ulong)e)));
        var w = window.Info;

        var body = new StringBuilder()
            .Append($"<h1>Window {id}</h1>")
            .Append($"<p>Phase <b id=\"phase\">{w.Phase}</b>, mechanism {ChainMechanisms.Name(w.Params.Mechanism)}, ")
            .Append(MarketPage.NextDeadline(w) is { } d ? $"next deadline in <b id=\"countdown\">{Html.Countdown(d, now)}</b>." : "no deadline left.")
            .Append("</p>")
            .Append($"<p>Posted clearing price <b id=\"price\">{(w.MatchCount > 0 ? Html.Wei(w.Price) + "/kWh" : "none yet")}</b>; reference price {Html.Wei(w.Params.ReferencePrice)}/kWh.</p>")
            .Append(StepCurves.Svg(window.Orders.Select(o => o.Order).ToList(), w.MatchCount > 0 ? w.Price : null))
            .Append(MechanismPrices.Html(window, audit))
            .Append(Verdict(audit.Comparison, ResultHashes(window, audit)))
            .Append(MatchesTable(window))
            .Append(FeederMapSvg.Html(reader.Map, window))
            .Append(SettlementTables.Html(window))
            .Append(OrdersTable(window));
        return PageResult.Ok($"Window {id}", body.ToString(), block);
    }

    private static string OrdersTable(WindowRecord window)
    {
        var sb = new StringBuilder("<h2>Orders</h2><table id=\"orders\"><tr><th>order</th><th class=\"l\">side</th><th class=\"l\">meter</th><th class=\"l\">owner</th><th>energy</th><th>price</th><th class=\"l\">status</th><th>matched</th></tr>");
        foreach (var (orderId, o, _) in window.Orders)
            sb.Append($"<tr data-order-id=\"{orderId}\"><td>{orderId}</td><td class=\"l\">{o.Side}</td><td class=\"l\"><a href=\"/household/{Html.E(o.Meter)}\">{Html.E(o.Meter)}</a></td>")
              .Append($"<td class=\"l\"><a href=\"/household/{o.Owner}\">{o.Owner}</a></td><td>{Html.Kwh(o.EnergyWh)}</td><td>{Html.Wei(o.Price)}/kWh</td>")
              .Append($"<td class=\"l\">{o.Status}</td><td>{Html.Kwh(o.MatchedWh)}</td></tr>");
        return sb.Append("</table>").ToString();
    }

    private static string MatchesTable(WindowRecord window)
    {
        var sb = new StringBuilder("<h2>Matches</h2><table id=\"matches\"><tr><th>match</th><th>offer</th><th class=\"l\">seller meter</th><th>bid</th><th class=\"l\">buyer meter</th><th>energy</th><th>distance</th><th>value at p0</th></tr>");
        for (var i = 0; i < window.Matches.Count; i++)
        {
            var m = window.Matches[i];
            sb.Append($"<tr data-match=\"{i + 1}\"><td>#{i + 1}</td><td>{m.OfferId}</td><td class=\"l\">{Html.E(window.Order(m.OfferId)?.Meter)}</td><td>{m.BidId}</td>")
              .Append($"<td class=\"l\">{Html.E(window.Order(m.BidId)?.Meter)}</td><td>{Html.Kwh(m.EnergyWh)}</td><td>{m.DistanceM} m</td>")
              .Append($"<td>{Html.Wei(window.Info.Price * m.EnergyWh / 1000)}</td></tr>");
        }
        return sb.Append("</table>").ToString();
    }

    private static string Verdict(ClearingComparison? comparison, string hashes)
    {
        const string heading = "<h2>Verification</h2><div id=\"verdict\">";
        if (comparison is null)
            return heading + "<p>Not yet: the operator has not finalised this window's clearing.</p>" + hashes + "</div>";
        if (comparison.Agrees)
            return heading + "<p><span class=\"agrees\">agrees</span>: the clearing recomputed from the on-chain book equals the posted one.</p>" + hashes + "</div>";
        return heading + "<p><span class=\"differs\">differs</span>: the clearing recomputed from the on-chain book is not the posted one.</p><ul id=\"differences\">"
            + string.Concat(comparison.Differences.Select(x => $"<li>{Html.E(x)}</li>")) + "</ul>" + hashes + "</div>";
    }

    // The result hash as the chain holds it beside the hash of the posted price and matches: whether the chain's
    // record of the clearing is the clearing that was posted.
    private static string ResultHashes(WindowRecord window, ClearingAudit audit)
    {
        if (audit.PostedMatchesHash is not { } posted)
            return "<p id=\"result-hash\">Result hash on chain: <code id=\"chain-hash\">none yet</code>.</p>";
        return $"<p id=\"result-hash\">Result hash on chain <code id=\"chain-hash\">{HexConvert.ToHex(window.Info.ResultHash)}</code>; "
            + $"hash of the posted price and {window.Matches.Count} matches <code id=\"posted-matches-hash\">{HexConvert.ToHex(posted)}</code>: "
            + (posted.AsSpan().SequenceEqual(window.Info.ResultHash) ? "<span id=\"hash-verdict\" class=\"agrees\">agrees</span>.</p>" : "<span id=\"hash-verdict\" class=\"differs\">differs</span>.</p>");
    }
}
