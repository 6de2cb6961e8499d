using System.Text;
using EnergyAuction.Clearing;
using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Pages;

/// <summary>What each clearing mechanism would have priced the window's book at, recomputed by Clearing from the
/// on-chain orders as <c>energy market verify</c> does, beside the price the operator posted.</summary>
public static class MechanismPrices
{
    public static string Html(WindowRecord window, ClearingAudit audit)
    {
        var sb = new StringBuilder("<h2>Price by mechanism</h2><table id=\"mechanisms\"><tr><th class=\"l\">mechanism</th><th>price</th><th>traded</th><th>matches</th><th class=\"l\"></th></tr>");
        foreach (var result in audit.Mechanisms)
        {
            var name = ChainMechanisms.Name(result.Mechanism);
            sb.Append($"<tr data-mechanism=\"{name}\"><td class=\"l\">{name}</td>")
              .Append($"<td id=\"price-{name}\">{(result.Price is { } p ? Pages.Html.Wei(p) + "/kWh" : "no trade")}</td>")
              .Append($"<td>{Pages.Html.Kwh(result.TradedWh)}</td><td>{result.Matches}</td>")
              .Append($"<td class=\"l\">{(result.Mechanism == window.Info.Params.Mechanism ? "this window's mechanism" : "")}</td></tr>");
        }
        return sb.Append("</table><p class=\"note\">")
          .Append(window.IsCleared ? "Recomputed from the orders that traded when the window was cleared." : "Recomputed from the orders that would trade if matching ran now.")
          .Append(" The posted price is ")
          .Append(window.Info.MatchCount > 0 ? Pages.Html.Wei(window.Info.Price) + "/kWh." : "not set yet.")
          .Append("</p>").ToString();
    }
}
