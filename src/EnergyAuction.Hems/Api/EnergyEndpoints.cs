using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyAuction.Hems.Api;

/// <summary>
/// Interval energy: each meter's import (Wh taken from the grid) and export (Wh fed in) during [from, to],
/// for one meter or many in one request.
/// </summary>
internal static class EnergyEndpoints
{
    public static void MapEnergy(this IEndpointRouteBuilder app, Meters meters)
    {
        // "value" is the import, as v1 oracle requests read it (path "value").
        app.MapGet("/meters/{id}/energy", (string id, HttpRequest request) =>
        {
            if (meters.Find(id) is not { } meter) return ApiResults.UnknownMeter(id);
            if (Interval(request, meters, out var from, out var to) is { } problem) return problem;
            var (imported, exported) = (meter.ImportedWh(from, to), meter.ExportedWh(from, to));
            return Results.Json(new { value = imported, importWh = imported, exportWh = exported });
        });

        app.MapGet("/meters/energy", (HttpRequest request) =>
        {
            if (MeterIds(request, out var ids) is { } badIds) return badIds;
            if (Interval(request, meters, out var from, out var to) is { } problem) return problem;
            var answers = new Dictionary<string, object>();
            foreach (var id in ids)
                answers[id] = meters.Find(id) is { } meter
                    ? new { importWh = meter.ImportedWh(from, to), exportWh = meter.ExportedWh(from, to) }
                    : new { error = "unknown meter" };
            return Results.Json(new { from, to, meters = answers });
        });
    }

    private static IResult? Interval(HttpRequest request, Meters meters, out long from, out long to)
    {
        if (IntervalQuery.Read(request, out from, out to) is { } problem) return problem;
        return meters.IsWithinHorizon(to) ? null : ApiResults.BadRequest("to", "to is beyond the simulated horizon");
    }

    // Ids in the order asked (repeats answered once); a malformed list fails the whole request without repeating it.
    private static IResult? MeterIds(HttpRequest request, out List<string> ids)
    {
        ids = [];
        var text = string.Join(',', request.Query["ids"].ToArray());
        if (text.Length == 0) return ApiResults.BadRequest("ids", "ids is required: meter ids separated by commas, e.g. ids=M-1,M-2");
        var seen = new HashSet<string>();
        var position = 0;
        foreach (var id in text.Split(','))
        {
            position++;
            if (id.Length == 0) return ApiResults.BadRequest("ids", $"ids: meter id {position} is empty");
            if (id.Length > RequestLimits.MaxEchoedLength)
                return ApiResults.BadRequest("ids", $"ids: meter id {position} is longer than {RequestLimits.MaxEchoedLength} characters");
            if (seen.Add(id)) ids.Add(id);
        }
        return ids.Count > RequestLimits.MaxMetersPerRequest
            ? ApiResults.BadRequest("ids", $"ids: at most {RequestLimits.MaxMetersPerRequest} meters per request, got {ids.Count}")
            : null;
    }
}
