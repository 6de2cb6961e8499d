using System.Numerics;
using System.Text;
using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Pages;

/// <summary>A household's windows over time as server-drawn SVG: per window (oldest left) a green bar for the energy
/// it sold and a blue bar for the energy it bought, and the window's clearing price as a red line on its own scale.</summary>
public static class HouseholdChart
{
    private const int Height = 260, Pad = 44, MaxSlot = 60, MinWidth = 360;

    public static string Svg(IReadOnlyList<HouseholdWindow> windows)
    {
        if (windows.Count == 0)
            return "<p id=\"household-chart\">No windows yet, so no chart.</p>";
        var slot = Math.Max(14, Math.Min(MaxSlot, 900 / windows.Count));
        var width = Math.Max(MinWidth, 2 * Pad + slot * windows.Count);
        var maxWh = Math.Max(1UL, windows.Max(w => Math.Max(w.SoldWh, w.BoughtWh)));
        var priced = windows.Where(w => w.Window.MatchCount > 0).ToList();
        var maxPrice = priced.Count == 0 ? BigInteger.One : BigInteger.Max(BigInteger.One, priced.Max(w => w.Window.Price));
        int X(int i) => Pad + i * slot;
        int BarTop(ulong wh) => Height - Pad - (int)((ulong)(Height - 2 * Pad) * wh / maxWh);
        int PriceY(BigInteger wei) => Height - Pad - (int)((Height - 2 * Pad) * wei / maxPrice);

        var svg = new StringBuilder($"<svg id=\"household-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{Height}\" role=\"img\" aria-label=\"energy and price per window\">")
            .Append($"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#444\"/>")
            .Append($"<text x=\"4\" y=\"{Pad - 12}\" font-size=\"12\">energy (max {Html.Kwh(maxWh)})</text>")
            .Append($"<text x=\"{width - 4}\" y=\"{Pad - 12}\" font-size=\"12\" text-anchor=\"end\" fill=\"#cf222e\">price (max {Html.Wei(maxPrice)}/kWh)</text>");
        var bar = Math.Max(4, (slot - 6) / 2);
        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            svg.Append($"<g data-window-id=\"{w.WindowId}\"><title>window {w.WindowId}: sold {Html.Kwh(w.SoldWh)}, bought {Html.Kwh(w.BoughtWh)}")
               .Append(w.Window.MatchCount > 0 ? $", price {Html.Wei(w.Window.Price)}/kWh" : ", no price").Append("</title>")
               .Append($"<rect class=\"sold\" x=\"{X(i) + 2}\" y=\"{BarTop(w.SoldWh)}\" width=\"{bar}\" height=\"{Height - Pad - BarTop(w.SoldWh)}\" fill=\"#1a7f37\"/>")
               .Append($"<rect class=\"bought\" x=\"{X(i) + 2 + bar}\" y=\"{BarTop(w.BoughtWh)}\" width=\"{bar}\" height=\"{Height - Pad - BarTop(w.BoughtWh)}\" fill=\"#0550ae\"/>")
               .Append($"<text x=\"{X(i) + slot / 2}\" y=\"{Height - Pad + 14}\" font-size=\"11\" text-anchor=\"middle\">{w.WindowId}</text></g>");
        }
        var points = string.Join(' ', windows.Select((w, i) => (w, i)).Where(p => p.w.Window.MatchCount > 0)
            .Select(p => $"{X(p.i) + slot / 2},{PriceY(p.w.Window.Price)}"));
        if (points.Length > 0)
            svg.Append($"<polyline class=\"price\" fill=\"none\" stroke=\"#cf222e\" stroke-width=\"2\" points=\"{points}\"/>")
               .Append(string.Concat(points.Split(' ').Select(p => $"<circle cx=\"{p.Split(',')[0]}\" cy=\"{p.Split(',')[1]}\" r=\"3\" fill=\"#cf222e\"/>")));
        svg.Append($"<text x=\"{width / 2}\" y=\"{Height - 8}\" font-size=\"12\" text-anchor=\"middle\">window</text></svg>")
           .Append("<p class=\"legend\"><span style=\"color:#1a7f37\">■</span> sold <span style=\"color:#0550ae\">■</span> bought (matched energy) ")
           .Append("<span style=\"color:#cf222e\">●</span> the window's clearing price</p>");
        return svg.ToString();
    }
}
