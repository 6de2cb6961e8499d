using System.Text.Json;
using EnergyAuction.Hems.Readings;
using EnergyAuction.Hems.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyAuction.Hems.Api;

/// <summary><c>POST /meters/{id}/readings</c>: a writer with the token stores register and battery readings.</summary>
internal static class ReadingsEndpoint
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void MapReadings(this IEndpointRouteBuilder app, Meters meters, WriteAuthorization writers) =>
        app.MapPost("/meters/{id}/readings", async (string id, HttpRequest request) =>
        {
            // Who and how much before anything else: a refused writer learns nothing about the meters.
            if (writers.Refusal(request) is { } refusal) return refusal;
            var body = await BoundedBody.ReadAsync(request);
            if (body is null) return ApiResults.TooLarge();
            var meter = meters.Find(id);
            if (meter is null) return ApiResults.UnknownMeter(id);
            List<MeterReading> readings;
            try
            {
                using var document = JsonDocument.Parse(body);
                readings = document.RootElement.ValueKind == JsonValueKind.Array
                    ? document.RootElement.Deserialize<List<MeterReading>>(Json) ?? []
                    : [document.RootElement.Deserialize<MeterReading>(Json)!];
            }
            catch (JsonException e)
            {
                return ApiResults.BadRequest("body", $"expected a reading or an array of readings as JSON: {e.Message}");
            }
            if (readings.Count == 0) return ApiResults.BadRequest("body", "no readings");
            if (readings.Contains(null!)) return ApiResults.BadRequest("body", "every reading must be a JSON object");
            if (readings.Count > RequestLimits.MaxReadingsPerRequest)
                return ApiResults.BadRequest("body",
                    $"at most {RequestLimits.MaxReadingsPerRequest} readings per request, got {readings.Count}; send them in several requests");
            var problem = meter.Readings.Add(readings);
            return problem is null
                ? Results.Json(new { accepted = readings.Count })
                : ApiResults.BadRequest(problem[..problem.IndexOf(':')], problem);
        });
}
