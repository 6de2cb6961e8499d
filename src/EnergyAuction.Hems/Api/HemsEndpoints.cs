using System.Globalization;
using System.Text.Json;
using EnergyAuction.Hems.Readings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyAuction.Hems.Api;

/// <summary>The HEMS API: every reading answers <c>{"value": integer}</c>; errors answer <c>{"error": ..., "parameter": ...}</c>.</summary>
public static class HemsEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Maps the HEMS routes onto <paramref name="app"/>.</summary>
    public static void MapHems(this IEndpointRouteBuilder app, Meters meters)
    {
        app.MapGet("/health", () => Results.Json(new { status = "ok", generatedProfiles = meters.Profiles.IsGenerated }));

        app.MapGet("/meters", () => Results.Json(meters.Households.Select(h => new
        {
            meter = h.Meter,
            load = $"LOAD{h.Load}",
            bus = meters.Profiles.Feeder.Bus(h.Load),
            pvPeakWatts = h.PvPeakWatts,
            batteryCapacityWh = h.BatteryCapacityWh,
        })));

        app.MapGet("/smartmeter/{id}", (string id) => WithMeter(meters, id, meter =>
        {
            var now = meters.Clock.Now;
            return meter.Simulation.IsWithinHorizon(now)
                ? Value(meter.ConsumedWh(now - meters.Clock.RealSecondsPerSimulatedHour, now))
                : BeyondHorizon();
        }));

        app.MapGet("/battery-soc/{id}", (string id) => WithMeter(meters, id, meter =>
            meter.Simulation.IsWithinHorizon(meters.Clock.Now) ? Value(meter.ChargeWh(meters.Clock.Now)) : BeyondHorizon()));

        app.MapGet("/meters/{id}/energy", (string id, HttpRequest request) => WithMeter(meters, id, meter =>
        {
            if (Problem(request, "from", out var from) is { } badFrom) return badFrom;
            if (Problem(request, "to", out var to) is { } badTo) return badTo;
            if (from > to) return BadRequest("from", "from must not be after to");
            if (!meter.Simulation.IsWithinHorizon(to)) return BadRequest("to", "to is beyond the simulated horizon");
            return Value(meter.ImportedWh(from, to));
        }));

        app.MapPost("/meters/{id}/readings", async (string id, HttpRequest request) =>
        {
            var meter = meters.Find(id);
            if (meter is null) return UnknownMeter(id);
            List<MeterReading> readings;
            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body);
                readings = body.RootElement.ValueKind == JsonValueKind.Array
                    ? body.RootElement.Deserialize<List<MeterReading>>(Json) ?? []
                    : [body.RootElement.Deserialize<MeterReading>(Json)!];
            }
            catch (JsonException e)
            {
                return BadRequest("body", $"expected a reading or an array of readings as JSON: {e.Message}");
            }
            if (readings.Count == 0) return BadRequest("body", "no readings");
            var problem = meter.Readings.Add(readings);
            return problem is null
                ? Results.Json(new { accepted = readings.Count })
                : BadRequest(problem[..problem.IndexOf(':')], problem);
        });
    }

    private static IResult WithMeter(Meters meters, string id, Func<Meter, IResult> answer) =>
        meters.Find(id) is { } meter ? answer(meter) : UnknownMeter(id);

    private static IResult? Problem(HttpRequest request, string name, out long value)
    {
        value = 0;
        var text = request.Query[name].ToString();
        if (text.Length == 0) return BadRequest(name, $"{name} is required (unix seconds)");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            return BadRequest(name, $"{name} must be an integer (unix seconds), got '{text}'");
        return value < 0 ? BadRequest(name, $"{name} must not be negative") : null;
    }

    private static IResult BeyondHorizon() =>
        Results.Json(new { error = "now is beyond the simulated horizon (ten simulated years after the origin); restart the HEMS" },
            statusCode: StatusCodes.Status503ServiceUnavailable);

    private static IResult Value(long value) => Results.Json(new { value });

    private static IResult UnknownMeter(string id) =>
        Results.Json(new { error = $"unknown meter '{id}'" }, statusCode: StatusCodes.Status404NotFound);

    private static IResult BadRequest(string parameter, string error) =>
        Results.Json(new { error, parameter }, statusCode: StatusCodes.Status400BadRequest);
}
