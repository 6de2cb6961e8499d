using System.Net;

namespace EnergyAuction.Explorer.Pages;

/// <summary>A rendered page and its HTTP status.</summary>
public sealed record PageResult(int Status, string Html)
{
    /// <summary>200 with the page, read at chain block <paramref name="block"/>.</summary>
    public static PageResult Ok(string title, string body, ulong block) => new(200, EnergyAuction.Explorer.Pages.Html.Layout(title, body, block.ToString()));

    /// <summary>404 saying what was looked for.</summary>
    public static PageResult NotFound(string what) =>
        new(404, EnergyAuction.Explorer.Pages.Html.Layout("Not found", $"<h1>Not found</h1><p class=\"error\">No {WebUtility.HtmlEncode(what)} on this chain.</p>", ""));

    /// <summary>400 with the reason the request cannot be read.</summary>
    public static PageResult BadRequest(string reason) =>
        new(400, EnergyAuction.Explorer.Pages.Html.Layout("Bad request", $"<h1>Bad request</h1><p class=\"error\">{WebUtility.HtmlEncode(reason)}</p>", ""));

    /// <summary>503 while the node cannot be reached; the page reloads itself so it recovers when the node is back.</summary>
    public static PageResult NodeDown(string problem) =>
        new(503, EnergyAuction.Explorer.Pages.Html.Layout("Node unreachable",
            $"<h1>The chain's node cannot be reached</h1><p class=\"error\">{WebUtility.HtmlEncode(problem)}</p><p>This page retries every 5 seconds.</p>",
            "down", refreshSeconds: 5));
}
