using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyAuction.Hems.Api;

/// <summary>
/// Interval energy: each meter's import (Wh taken from the grid) and export (Wh fed in) during [from, to],
/// for one meter or many in one request; <c>/readings</c> answers in the v2 oracle request's shape.
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
            if (MeterIds(request, "ids", out var ids) is { } badIds) return badIds;
            if (Interval(request, meters, out var from, out var to) is { } problem) return problem;
            var answers = new Dictionary<string, object>();
            foreach (var id in ids.Distinct())
                answers[id] = meters.Find(id) is { } meter
                    ? new { importWh = meter.ImportedWh(from, to), exportWh = meter.ExportedWh(from, to) }
                    : new { error = "unknown meter" };
            return Results.Json(new { from, to, meters = answers });
        });

        // What EnergyOracleClient v2 asks (get = <hems>/readings?from=&to=&meters=A,B; paths meters, imports,
        // exports, read): arrays in the order asked, so the job ABI-encodes them as they are. An unknown meter
        // is read = false with 0 Wh, which the contract counts as a missing reading.
        app.MapGet("/readings", (HttpRequest request) =>
        {
            if (MeterIds(request, "meters", out var ids) is { } badIds) return badIds;
            if (Interval(request, meters, out var from, out var to) is { } problem) return problem;
            var found = ids.Select(meters.Find).ToList();
            return Results.Json(new
            {
                from,
                to,
                meters = ids,
                imports = found.Select(m => m?.ImportedWh(from, to) ?? 0),
                exports = found.Select(m => m?.ExportedWh(from, to) ?? 0),
                read = found.Select(m => m is not null),
            });
        });
    }

    private static IResult? Interval(HttpRequest request, Meters meters, out long from, out long to)
    {
        if (IntervalQuery.Read(request, out from, out to) is { } problem) return problem;
        return meters.IsWithinHorizon(to) ? null : ApiResults.BadRequest("to", "to is beyond the simulated horizon");
    }

    // Ids in the order asked; a malformed list fails the whole request without repeating it.
    private static IResult? MeterIds(HttpRequest request, string name, out List<string> ids)
    {
        ids = [.. string.Join(',', request.Query[name].ToArray()).Split(',')];
        if (ids is [""]) return ApiResults.BadRequest(name, $"{name} is required: meter ids separated by commas, e.g. {name}=M-1,M-2");
        if (ids.Count > RequestLimits.MaxMetersPerRequest)
            return ApiResults.BadRequest(name, $"{name}: at most {RequestLimits.MaxMetersPerRequest} meters per request, got {ids.Count}");
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i].Length == 0) return ApiResults.BadRequest(name, $"{name}: meter id {i + 1} is empty");
            if (ids[i].Length > RequestLimits.MaxEchoedLength)
                return ApiResults.BadRequest(name, $"{name}: meter id {i + 1} is longer than {RequestLimits.MaxEchoedLength} characters");
        }
        return null;
    }
}
