using System.Globalization;
using System.Text;
using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Pages;

/// <summary>
/// A window's matches on the feeder, drawn by the server: the feeder's lines in light grey, the window's sellers'
/// and buyers' buses as dots, and one thin, half-transparent line per match from the seller's bus to the buyer's,
/// coloured by its energy (legend below), so a window of a thousand matches stays readable.
/// </summary>
public static class FeederMapSvg
{
    private const int Width = 720, Pad = 12;

    // Light to dark: small to large energies, in the legend's order.
    private static readonly string[] Colours = ["#fdd49e", "#fc8d59", "#e34a33", "#b30000", "#4a0000"];

    public static string Html(FeederMap? map, WindowRecord window)
    {
        if (map is null)
            return "<h2>Feeder map</h2><p id=\"feeder-map\">No map: the feeder folder has no bus coordinates (buscoords.csv).</p>";
        double minX = map.Buses.Values.Min(b => b.X), maxX = map.Buses.Values.Max(b => b.X);
        double minY = map.Buses.Values.Min(b => b.Y), maxY = map.Buses.Values.Max(b => b.Y);
        var scale = (Width - 2 * Pad) / Math.Max(1e-9, maxX - minX);
        var height = (int)Math.Ceiling((maxY - minY) * scale) + 2 * Pad;
        string Px(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        (string X, string Y)? At(string bus) => map.Buses.TryGetValue(bus, out var b)
            ? (Px(Pad + (b.X - minX) * scale), Px(height - Pad - (b.Y - minY) * scale)) // north up: SVG's y grows downwards
            : null;

        var svg = new StringBuilder($"<h2>Feeder map</h2><svg id=\"feeder-map\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"matches on the feeder\">")
            .Append("<g stroke=\"#bbb\" stroke-width=\"1\">");
        foreach (var (from, to) in map.Lines)
            if (At(from) is { } a && At(to) is { } b)
                svg.Append($"<line x1=\"{a.X}\" y1=\"{a.Y}\" x2=\"{b.X}\" y2=\"{b.Y}\"/>");
        svg.Append("</g>");

        var maxWh = window.Matches.Count == 0 ? 1 : window.Matches.Max(m => m.EnergyWh);
        int Bin(ulong wh) => (int)Math.Min((ulong)Colours.Length - 1, (wh - 1) * (ulong)Colours.Length / Math.Max(1UL, maxWh));
        // The more matches, the thinner and fainter each line, so that where many cross the picture darkens rather
        // than fills; the largest energies are drawn last, on top.
        var (width, opacity) = window.Matches.Count switch { > 300 => ("0.6", "0.3"), > 50 => ("1", "0.45"), _ => ("1.5", "0.7") };
        svg.Append($"<g stroke-width=\"{width}\" stroke-opacity=\"{opacity}\" fill=\"none\">");
        var unplaced = 0;
        foreach (var i in Enumerable.Range(0, window.Matches.Count).OrderBy(i => window.Matches[i].EnergyWh))
        {
            var m = window.Matches[i];
            var seller = window.BusOf(m.OfferId);
            var buyer = window.BusOf(m.BidId);
            if (seller is null || buyer is null || At(seller.Value.ToString()) is not { } a || At(buyer.Value.ToString()) is not { } b)
            {
                unplaced++;
                continue;
            }
            var colour = Colours[Bin(m.EnergyWh)];
            var title = $"<title>match #{i + 1}: bus {seller} to bus {buyer}, {Pages.Html.Kwh(m.EnergyWh)}, {m.DistanceM} m</title>";
            svg.Append(seller == buyer
                ? $"<circle class=\"match\" data-map-match=\"{i + 1}\" cx=\"{a.X}\" cy=\"{a.Y}\" r=\"4\" stroke=\"{colour}\">{title}</circle>"
                : $"<line class=\"match\" data-map-match=\"{i + 1}\" x1=\"{a.X}\" y1=\"{a.Y}\" x2=\"{b.X}\" y2=\"{b.Y}\" stroke=\"{colour}\">{title}</line>");
        }
        svg.Append("</g>");
        svg.Append(Dots(window, Chain.OrderSide.Offer, At, "#1a7f37", "sellers")).Append(Dots(window, Chain.OrderSide.Bid, At, "#0550ae", "buyers"));
        svg.Append("</svg>").Append(Legend(maxWh, unplaced));
        return svg.ToString();
    }

    private static string Dots(WindowRecord window, Chain.OrderSide side, Func<string, (string X, string Y)?> at, string colour, string name)
    {
        var buses = window.Orders.Where(o => o.Order.Side == side).Select(o => o.Meter.Bus.ToString()).Distinct();
        var sb = new StringBuilder($"<g fill=\"{colour}\" class=\"{name}\">");
        foreach (var bus in buses)
            if (at(bus) is { } p)
                sb.Append($"<circle cx=\"{p.X}\" cy=\"{p.Y}\" r=\"2.5\"><title>bus {bus}</title></circle>");
        return sb.Append("</g>").ToString();
    }

    private static string Legend(ulong maxWh, int unplaced)
    {
        var sb = new StringBuilder("<p class=\"legend\">Match energy: ");
        for (var i = 0; i < Colours.Length; i++)
        {
            var from = maxWh * (ulong)i / (ulong)Colours.Length + 1;
            var to = maxWh * (ulong)(i + 1) / (ulong)Colours.Length;
            if (from > to)
                continue;
            sb.Append($"<span style=\"display:inline-block;width:1.5em;height:.6em;background:{Colours[i]}\"></span> {Pages.Html.Kwh(from)} to {Pages.Html.Kwh(to)} ");
        }
        sb.Append("· <span style=\"color:#1a7f37\">●</span> sellers' buses <span style=\"color:#0550ae\">●</span> buyers' buses · a circle is a match within one bus.");
        if (unplaced > 0)
            sb.Append($" {unplaced} matches are not drawn: a meter's bus has no coordinates.");
        return sb.Append("</p>").ToString();
    }
}
