using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// A HEMS with bad days, over real HTTP on a free loopback port: per meter it answers 500, garbage, nothing in time,
/// or a reading.
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
                    return Results.Json(new { value = values.GetValueOrDefault(id, 20_000) });
            }
        }
        app.MapGet("/battery-soc/{id}", (string id, CancellationToken ct) => Answer(id, ct));
        app.MapGet("/meters/{id}/energy", (string id, CancellationToken ct) => Answer(id, ct));
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }
}
