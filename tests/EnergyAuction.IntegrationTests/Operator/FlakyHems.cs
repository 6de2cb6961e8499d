using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// A HEMS with bad days, over real HTTP on a free loopback port: per meter it answers 500, garbage, nothing in time,
/// or a reading (as the battery's <c>value</c>, and as the interval's <c>importWh</c> and <c>exportWh</c> alike, so a
/// buyer's import and a seller's export are both the meter's value). A batched <c>/readings</c> query answers each
/// troubled meter as not read, as the HEMS does a meter it cannot read.
/// </summary>
public static class FlakyHems
{
    public static async Task<(WebApplication App, Uri Url)> StartAsync(IReadOnlyDictionary<string, string> behaviour, IReadOnlyDictionary<string, long> values)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        async Task<IResult> Answer(string id, CancellationToken ct)
        {
            switch (behaviour.GetValueOrDefault(id))
            {
                case "500":
                    return Results.StatusCode(500);
                case "garbage":
                    return Results.Text("<html>meter offline</html>", "text/html");
                case "hang":
                    await Task.Delay(TimeSpan.FromSeconds(30), ct);
                    return Results.StatusCode(504);
                default:
                    var wh = values.GetValueOrDefault(id, 20_000);
                    return Results.Json(new { value = wh, importWh = wh, exportWh = wh });
            }
        }
        app.MapGet("/battery-soc/{id}", (string id, CancellationToken ct) => Answer(id, ct));
        app.MapGet("/meters/{id}/energy", (string id, CancellationToken ct) => Answer(id, ct));
        app.MapGet("/readings", (string meters) =>
        {
            var ids = meters.Split(',');
            var wh = ids.Select(id => behaviour.ContainsKey(id) ? 0 : values.GetValueOrDefault(id, 20_000)).ToList();
            return Results.Json(new { meters = ids, imports = wh, exports = wh, read = ids.Select(id => !behaviour.ContainsKey(id)) });
        });
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }
}
