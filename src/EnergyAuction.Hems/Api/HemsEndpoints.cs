using EnergyAuction.Hems.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyAuction.Hems.Api;

/// <summary>The HEMS API: readings answer integers in Wh; errors answer <c>{"error": ..., "parameter": ...}</c>.</summary>
public static class HemsEndpoints
{
    /// <summary>Maps the HEMS routes onto <paramref name="app"/>; only <paramref name="writers"/> may post readings.</summary>
    public static void MapHems(this IEndpointRouteBuilder app, Meters meters, WriteAuthorization writers)
    {
        app.MapGet("/health", () => Results.Json(new
        {
            status = "ok", generatedProfiles = meters.Profiles.IsGenerated, writesEnabled = writers.WritesEnabled,
        }));

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
            return meters.IsWithinHorizon(now)
                ? ApiResults.Value(meter.ConsumedWh(now - meters.Clock.RealSecondsPerSimulatedHour, now))
                : ApiResults.BeyondHorizon();
        }));

        app.MapGet("/battery-soc/{id}", (string id) => WithMeter(meters, id, meter =>
            meters.IsWithinHorizon(meters.Clock.Now) ? ApiResults.Value(meter.ChargeWh(meters.Clock.Now)) : ApiResults.BeyondHorizon()));

        app.MapEnergy(meters);
        app.MapReadings(meters, writers);
    }

    private static IResult WithMeter(Meters meters, string id, Func<Meter, IResult> answer) =>
        meters.Find(id) is { } meter ? answer(meter) : ApiResults.UnknownMeter(id);
}
