using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyAuction.Operator.Status;

/// <summary><c>/status</c>: what the market looks like to the daemon (<c>/health</c> and <c>/metrics</c>: <see cref="HealthEndpoints"/>).</summary>
public static class StatusEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Maps the route onto <paramref name="app"/>.</summary>
    public static void MapStatus(this IEndpointRouteBuilder app, MarketStatus status)
    {
        app.MapGet("/status", () => Results.Json(status.Snapshot(), Json));
    }
}
