using System.Numerics;
using System.Text;
using EnergyAuction.Chain;

namespace EnergyAuction.Explorer.Pages;

/// <summary>The supply (offers, cheapest first) and demand (bids, dearest first) step curves as server-drawn SVG, with
/// the posted price p0 as a horizontal line. Coordinates are pixels, computed in integers.</summary>
public static class StepCurves
{
    private const int Width = 600, Height = 300, Pad = 40;

    /// <summary>The SVG for a window's valid or matched orders; a note when the book is empty.</summary>
    public static string Svg(IReadOnlyList<OrderInfo> orders, BigInteger? price)
    {
        var live = orders.Where(o => o.Status is OrderStatus.Valid or OrderStatus.Matched or OrderStatus.Settled or OrderStatus.PendingValidation).ToList();
        if (live.Count == 0)
            return "<p id=\"curves\">No orders yet, so no curves.</p>";
        var offers = live.Where(o => o.Side == OrderSide.Offer).OrderBy(o => o.Price).ToList();
        var bids = live.Where(o => o.Side == OrderSide.Bid).OrderByDescending(o => o.Price).ToList();
        var maxWh = Math.Max(Sum(offers), Sum(bids));
        var maxPrice = live.Max(o => o.Price);
        if (price is { } p && p > maxPrice)
            maxPrice = p;
        maxPrice = maxPrice == 0 ? 1 : maxPrice * 11 / 10;
        int X(ulong wh) => Pad + (int)((Width - 2 * Pad) * (long)wh / (long)Math.Max(1, maxWh));
        int Y(BigInteger wei) => Height - Pad - (int)((Height - 2 * Pad) * wei / maxPrice);

        var svg = new StringBuilder($"<svg id=\"curves\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"supply and demand\">")
            .Append($"<line x1=\"{Pad}\" y1=\"{Height - Pad}\" x2=\"{Width - Pad}\" y2=\"{Height - Pad}\" stroke=\"#444\"/><line x1=\"{Pad}\" y1=\"{Pad}\" x2=\"{Pad}\" y2=\"{Height - Pad}\" stroke=\"#444\"/>")
            .Append($"<text x=\"{Width - Pad}\" y=\"{Height - 10}\" text-anchor=\"end\" font-size=\"12\">energy ({Html.Kwh(maxWh)} full width)</text>")
            .Append($"<text x=\"4\" y=\"{Pad - 10}\" font-size=\"12\">price (wei/kWh)</text>")
            .Append(Steps(offers, X, Y, "#1a7f37", "supply"))
            .Append(Steps(bids, X, Y, "#0550ae", "demand"));
        if (price is { } posted)
            svg.Append($"<line x1=\"{Pad}\" y1=\"{Y(posted)}\" x2=\"{Width - Pad}\" y2=\"{Y(posted)}\" stroke=\"#cf222e\" stroke-dasharray=\"6 4\"/>")
               .Append($"<text x=\"{Width - Pad}\" y=\"{Y(posted) - 4}\" text-anchor=\"end\" font-size=\"12\" fill=\"#cf222e\">p0 = {posted} wei/kWh</text>");
        return svg.Append("</svg>").ToString();
    }

    private static ulong Sum(IEnumerable<OrderInfo> orders) => orders.Aggregate(0UL, (s, o) => s + o.EnergyWh);

    private static string Steps(List<OrderInfo> orders, Func<ulong, int> x, Func<BigInteger, int> y, string colour, string name)
    {
        if (orders.Count == 0)
            return "";
        var points = new StringBuilder();
        ulong at = 0;
        foreach (var o in orders)
        {
            points.Append($"{x(at)},{y(o.Price)} ");
            at += o.EnergyWh;
            points.Append($"{x(at)},{y(o.Price)} ");
        }
        return $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{points.ToString().TrimEnd()}\"><title>{name}</title></polyline>";
    }
}
