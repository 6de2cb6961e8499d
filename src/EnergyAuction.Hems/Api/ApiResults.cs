using Microsoft.AspNetCore.Http;

namespace EnergyAuction.Hems.Api;

/// <summary>The HEMS's answers: readings as integers, errors as <c>{"error": ..., "parameter": ...}</c>.</summary>
internal static class ApiResults
{
    public static IResult Value(long value) => Results.Json(new { value });

    public static IResult UnknownMeter(string id) =>
        Results.Json(new { error = $"unknown meter {Echo(id)}" }, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string parameter, string error) =>
        Results.Json(new { error, parameter }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult TooLarge() =>
        Results.Json(new { error = $"the request body is larger than {RequestLimits.MaxBodyBytes} bytes" },
            statusCode: StatusCodes.Status413PayloadTooLarge);

    public static IResult BeyondHorizon() =>
        Results.Json(new { error = "now is beyond the simulated horizon (ten simulated years after the origin); restart the HEMS" },
            statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>Client text quoted for an error, cut to <see cref="RequestLimits.MaxEchoedLength"/> characters so a
    /// long id or value is not sent back (or logged) whole.</summary>
    public static string Echo(string text) =>
        text.Length <= RequestLimits.MaxEchoedLength
            ? $"'{text}'"
            : $"'{text[..RequestLimits.MaxEchoedLength]}...' ({text.Length} characters)";
}
