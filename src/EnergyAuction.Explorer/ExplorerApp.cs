using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Data;
using EnergyAuction.Explorer.Pages;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using EnergyAuction.Chain.Rpc;

namespace EnergyAuction.Explorer;

/// <summary>The explorer's web app: three read-only pages rendered on the server as plain HTML.</summary>
public static class ExplorerApp
{
    /// <summary>Builds the app for the given node, deployment and feeder; call RunAsync or StartAsync on it.</summary>
    public static WebApplication Build(ExplorerOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        var app = builder.Build();
        var deployment = MarketDeploymentRecord.Load(options.Deployment);
        var feeder = ClearingFeeder.Load(SharedDataDirectory.FeederDirectory(SharedDataDirectory.Resolve(options.DataDir)));
        var reader = new MarketReader(options.Rpc, deployment, feeder);

        app.MapGet("/", (CancellationToken ct) => Render(() => MarketPage.RenderAsync(reader, ct)));
        app.MapGet("/window/{id}", (string id, CancellationToken ct) => Render(() => WindowPage.RenderAsync(reader, id, ct)));
        app.MapGet("/household/{who}", (string who, CancellationToken ct) => Render(() => HouseholdPage.RenderAsync(reader, who, ct)));
        app.MapGet("/household", (string? who) => string.IsNullOrWhiteSpace(who)
            ? Results.Content(PageResult.BadRequest("give an address or a meter id: /household/0x... or /household/METER").Html, "text/html; charset=utf-8", statusCode: 400)
            : Results.Redirect($"/household/{Uri.EscapeDataString(who.Trim())}"));
        return app;
    }

    private static async Task<IResult> Render(Func<Task<PageResult>> page)
    {
        PageResult result;
        try
        {
            result = await page();
        }
        catch (RpcUnavailableException e)
        {
            result = PageResult.NodeDown(e.Message);
        }
        return Results.Content(result.Html, "text/html; charset=utf-8", statusCode: result.Status);
    }
}
