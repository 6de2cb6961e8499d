using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace EnergyAuction.Hems.Api;

/// <summary>The <c>from</c> and <c>to</c> query parameters of an energy request: unix seconds (chain time).</summary>
internal static class IntervalQuery
{
    /// <summary>The interval, or a 400 naming the parameter that is missing, malformed, negative or out of order.</summary>
    public static IResult? Read(HttpRequest request, out long from, out long to)
    {
        to = 0;
        if (Read(request, "from", out from) is { } badFrom) return badFrom;
        if (Read(request, "to", out to) is { } badTo) return badTo;
        return from > to ? ApiResults.BadRequest("from", "from must not be after to") : null;
    }

    private static IResult? Read(HttpRequest request, string name, out long value)
    {
        value = 0;
        var text = request.Query[name].ToString();
        if (text.Length == 0) return ApiResults.BadRequest(name, $"{name} is required (unix seconds)");
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
            return ApiResults.BadRequest(name, $"{name} must be an integer (unix seconds), got {ApiResults.Echo(text)}");
        return value < 0 ? ApiResults.BadRequest(name, $"{name} must not be negative") : null;
    }
}
