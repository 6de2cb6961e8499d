using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Data;
using EnergyAuction.Explorer.Live;
using EnergyAuction.Explorer.Pages;
using EnergyAuction.Explorer.Reading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using EnergyAuction.Chain.Rpc;

namespace EnergyAuction.Explorer;

/// <summary>The explorer's web app: three read-only pages rendered on the server as plain HTML,
/// and the server-sent events that tell open pages to re-read themselves when a block arrives.</summary>
public static class ExplorerApp
{
    /// <summary>Builds the app for the given node, deployment and feeder; call RunAsync or StartAsync on it.</summary>
    public static WebApplication Build(ExplorerOptions options)
    {
        var deployment = MarketDeploymentRecord.Load(options.Deployment);
        var feederDirectory = SharedDataDirectory.FeederDirectory(SharedDataDirectory.Resolve(options.DataDir));
        var reader = new MarketReader(options.Rpc, deployment, ClearingFeeder.Load(feederDirectory), FeederMap.Load(feederDirectory));
        var watch = new BlockWatch(reader.Market.Rpc, options.PollInterval);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        // One line per request would drown the operator's terminal; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddHostedService(_ => watch);
        var app = builder.Build();
        // A stopped explorer leaves no connection to the node open (a process may start and stop several).
        app.Lifetime.ApplicationStopped.Register(reader.Dispose);

        app.MapGet("/events", (HttpContext http) => EventStream.ServeAsync(http, watch, app.Lifetime.ApplicationStopping));
        app.MapGet("/live.js", () => Results.Text(LiveScript.Text, "text/javascript; charset=utf-8"));

        var cache = new PageCache();
        Task Market(HttpContext http) => Render(reader, cache, http, () => MarketPage.RenderAsync(reader, CancellationToken.None));
        app.MapGet("/", Market);
        app.MapGet("/window/{id}", (string id, HttpContext http) => Render(reader, cache, http, () => WindowPage.RenderAsync(reader, id, CancellationToken.None)));
        app.MapGet("/household/{who}", (string who, HttpContext http) => Render(reader, cache, http, () => HouseholdPage.RenderAsync(reader, who, CancellationToken.None)));
        app.MapGet("/household", (string? who) => string.IsNullOrWhiteSpace(who)
            ? Results.Content(PageResult.BadRequest("give an address or a meter id: /household/0x... or /household/METER").Html, "text/html; charset=utf-8", statusCode: 400)
            : Results.Redirect($"/household/{Uri.EscapeDataString(who.Trim())}"));
        return app;
    }

    private static async Task Render(MarketReader reader, PageCache cache, HttpContext http, Func<Task<PageResult>> page)
    {
        PageResult result;
        try
        {
            var block = await reader.Market.Rpc.BlockNumberAsync(http.RequestAborted);
            result = await cache.GetAsync(http.Request.Path + http.Request.QueryString, block, page);
        }
        catch (RpcUnavailableException e)
        {
            result = PageResult.NodeDown(e.Message);
        }
        await Results.Content(result.Html, "text/html; charset=utf-8", statusCode: result.Status).ExecuteAsync(http);
    }
}
