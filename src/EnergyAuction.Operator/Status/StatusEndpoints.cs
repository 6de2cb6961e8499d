using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyAuction.Operator.Status;

/// <summary><c>/health</c> (the process is up) and <c>/status</c> (what the market looks like to it).</summary>
public static class StatusEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Maps both routes onto <paramref name="app"/>.</summary>
    public static void MapStatus(this IEndpointRouteBuilder app, MarketStatus status)
    {
        app.MapGet("/health", () => Results.Json(new { status = "ok" }, Json));
        app.MapGet("/status", () => Results.Json(status.Snapshot(), Json));
    }
}
