using System.Net;
using System.Numerics;

namespace EnergyAuction.Explorer.Pages;

/// <summary>The shared page frame and the market's units as text (integers only: Wh, wei, wei/kWh).</summary>
public static class Html
{
    private static readonly BigInteger WeiPerEther = BigInteger.Pow(10, 18);

    /// <summary>HTML-encodes text.</summary>
    public static string E(object? text) => WebUtility.HtmlEncode(text?.ToString() ?? "");

    /// <summary>Energy in Wh as "1.234 kWh" (exact: integer division and remainder).</summary>
    public static string Kwh(ulong wh) => $"{wh / 1000}.{wh % 1000:D3} kWh";

    /// <summary>An amount in wei with its ether value beside it, both exact.</summary>
    public static string Wei(BigInteger wei)
    {
        var sign = wei < 0 ? "-" : "";
        var abs = BigInteger.Abs(wei);
        var fraction = (abs % WeiPerEther).ToString().PadLeft(18, '0').TrimEnd('0');
        return $"{sign}{abs / WeiPerEther}{(fraction.Length > 0 ? "." + fraction : "")} ETH";
    }

    /// <summary>The frame every page shares: navigation, style, the page's <c>main</c> (tagged with the block it was read at,
    /// or "down") and the live-update script. The numbers read without script.</summary>
    public static string Layout(string title, string body, string block, int? refreshSeconds = null) => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}} · EnergyAuction explorer</title>
        {{(refreshSeconds is { } s ? $"<meta http-equiv=\"refresh\" content=\"{s}\">" : "")}}
        <style>
        body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin:.5em 0}
        td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}
        .error{color:#a00}.agrees{color:#070;font-weight:bold}.differs{color:#a00;font-weight:bold}nav a{margin-right:1em}
        .note{color:#666;font-size:.9em}
        </style><script src="/live.js" defer></script></head>
        <body><nav><a href="/">Market</a></nav>
        <main data-block="{{E(block)}}">
        {{body}}
        </main>
        </body></html>
        """;

    /// <summary>A countdown cell to a chain deadline, given the chain's current time.</summary>
    public static string Countdown(ulong deadline, ulong now) =>
        $"<span class=\"countdown\" data-deadline=\"{deadline}\" data-now=\"{now}\">{(deadline > now ? $"{deadline - now} s" : "passed")}</span>";
}
