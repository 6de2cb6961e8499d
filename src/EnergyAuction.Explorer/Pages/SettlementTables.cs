using System.Text;
using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Pages;

/// <summary>The window's settlement: per match (delivered, what the buyer paid, what the seller got, fee, penalty),
/// per household, and the DSO's fees, each from the contract's MatchSettled events.</summary>
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
            .Append("<table id=\"settlement\"><tr><th>match</th><th>offer</th><th>bid</th><th>traded</th><th>delivered</th><th>buyer paid</th><th>seller got</th><th>DSO fee</th><th>penalty</th></tr>");
        foreach (var m in s.Matches)
        {
            sb.Append($"<tr data-settled-match=\"{m.Number}\"><td>#{m.Number}</td><td>{m.Match.OfferId}</td><td>{m.Match.BidId}</td><td>{Pages.Html.Kwh(m.Match.EnergyWh)}</td>");
            sb.Append(m.Settled is { } e
                ? $"<td>{Pages.Html.Kwh((ulong)e.DeliveredWh)}</td><td>{Pages.Html.Wei(e.BuyerPayment)}</td><td>{Pages.Html.Wei(e.SellerPayout)}</td><td>{Pages.Html.Wei(e.Fee)}</td><td>{Pages.Html.Wei(e.Penalty)}</td></tr>"
                : "<td colspan=\"5\" class=\"l\">not settled yet</td></tr>");
        }
        sb.Append("</table><h3>Per household</h3><table id=\"household-settlement\"><tr><th class=\"l\">household</th><th>sold</th><th>bought</th><th>delivered</th><th>paid</th><th>paid out to it</th><th>penalties to it</th><th>escrow returned</th></tr>");
        foreach (var h in s.Households)
            sb.Append($"<tr data-account=\"{h.Account}\"><td class=\"l\"><a href=\"/household/{h.Account}\">{h.Account}</a></td><td>{Pages.Html.Kwh(h.SoldWh)}</td><td>{Pages.Html.Kwh(h.BoughtWh)}</td>")
              .Append($"<td>{Pages.Html.Kwh(h.DeliveredWh)}</td><td>{Pages.Html.Wei(h.Paid)}</td><td>{Pages.Html.Wei(h.PaidOut)}</td><td>{Pages.Html.Wei(h.Penalties)}</td><td>{Pages.Html.Wei(h.Refunded)}</td></tr>");
        return sb.Append("</table><p class=\"note\">The v1 contracts record one MatchSettled event per match (delivered energy, buyer payment, ")
            .Append("seller payout including its matched collateral less penalties, fee, penalty) and credit each bid's owner and the fee recipient once per bid; ")
            .Append("the per-household figures and the DSO's fees are those events summed by the contract's rule (a bid never pays above its escrow, the fee ")
            .Append("recipient forgoes the difference). Offers' unmatched collateral returns when the window closes and is not shown here.</p>").ToString();
    }
}
