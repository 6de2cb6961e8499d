using System.Text;
using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Pages;

/// <summary>The window's settlement: per match (both sides' readings, traded, fee half, both penalties), per household,
/// and the DSO's fees, each from the contract's MatchSettled events.</summary>
public static class SettlementTables
{
    public static string Html(WindowRecord window)
    {
        if (window.Matches.Count == 0)
            return "<h2>Settlement</h2><p id=\"settlement\">Nothing to settle: the window has no matches.</p>";
        var s = WindowSettlement.Of(window);
        var sb = new StringBuilder("<h2>Settlement</h2>")
            .Append($"<p id=\"settlement-progress\">{s.SettledBids} of {s.MatchedBids} matched bids settled.</p>")
            .Append($"<p>DSO fees to <a href=\"/household/{window.FeeRecipient}\">{window.FeeRecipient}</a>: ")
            .Append($"<b id=\"dso-fees\" data-wei=\"{s.DsoFees}\">{Pages.Html.Wei(s.DsoFees)}</b> from the settled bids.</p>")
            .Append("<table id=\"settlement\"><tr><th>match</th><th>offer</th><th>bid</th><th>matched</th><th>buyer read</th><th>seller read</th><th>traded</th><th>fee half</th><th>seller penalty</th><th>buyer penalty</th></tr>");
        foreach (var m in s.Matches)
        {
            sb.Append($"<tr data-settled-match=\"{m.Number}\"><td>#{m.Number}</td><td>{m.Match.OfferId}</td><td>{m.Match.BidId}</td><td>{Pages.Html.Kwh(m.Match.EnergyWh)}</td>");
            sb.Append(m.Settled is { } e
                ? $"<td>{Side((ulong)e.BuyerWh, e.BuyerMissing)}</td><td>{Side((ulong)e.SellerWh, e.SellerMissing)}</td><td>{Pages.Html.Kwh((ulong)e.TradedWh)}</td>"
                  + $"<td>{Pages.Html.Wei(e.FeeHalf)}</td><td>{Pages.Html.Wei(e.SellerPenalty)}</td><td>{Pages.Html.Wei(e.BuyerPenalty)}</td></tr>"
                : "<td colspan=\"6\" class=\"l\">not settled yet</td></tr>");
        }
        sb.Append("</table><h3>Per household</h3><table id=\"household-settlement\"><tr><th class=\"l\">household</th><th>sold</th><th>bought</th><th>traded</th><th>paid</th><th>paid out to it</th><th>penalties to it</th><th>escrow returned</th></tr>");
        foreach (var h in s.Households)
            sb.Append($"<tr data-account=\"{h.Account}\"><td class=\"l\"><a href=\"/household/{h.Account}\">{h.Account}</a></td><td>{Pages.Html.Kwh(h.SoldWh)}</td><td>{Pages.Html.Kwh(h.BoughtWh)}</td>")
              .Append($"<td>{Pages.Html.Kwh(h.DeliveredWh)}</td><td>{Pages.Html.Wei(h.Paid)}</td><td>{Pages.Html.Wei(h.PaidOut)}</td><td>{Pages.Html.Wei(h.Penalties)}</td><td>{Pages.Html.Wei(h.Refunded)}</td></tr>");
        return sb.Append("</table><p class=\"note\">The contract records one MatchSettled event per match: the buyer's and the seller's ")
            .Append("readings as settlement counted them (a missing one, marked, counts against its owner), the energy traded (the smaller), ")
            .Append("the fee half each side pays (the DSO gets both), the seller's penalty (to the buyer) and the buyer's (to the seller). ")
            .Append("The per-household figures and the DSO's fees are those events summed at the clearing price. Offers' collateral, less the ")
            .Append("penalties they paid, returns when the window closes and is not shown here.</p>").ToString();
    }

    private static string Side(ulong wh, bool missing) => missing ? $"{Pages.Html.Kwh(wh)} <span class=\"missing\">(missing)</span>" : Pages.Html.Kwh(wh);
}
