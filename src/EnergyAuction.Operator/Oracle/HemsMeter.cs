namespace EnergyAuction.Operator.Oracle;

/// <summary>The meter a HEMS reading URL is about (<c>/battery-soc/M-7</c>, <c>/meters/M-7/energy</c>), for logs.</summary>
public static class HemsMeter
{
    /// <summary>The meter id in the URL's path, or the whole URL when it names none.</summary>
    public static string Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return url;
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => s is "battery-soc" or "meters" or "smartmeter");
        return at >= 0 && at + 1 < segments.Length ? Uri.UnescapeDataString(segments[at + 1]) : url;
    }
}

/// <summary>The meters a batched readings URL (<c>/readings?...&amp;meters=A,B</c>) asks for, for logs.</summary>
public static class HemsMeters
{
    /// <summary>The comma-separated ids of the <c>meters</c> query parameter (none when there is no such parameter).</summary>
    public static IReadOnlyList<string> Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return [];
        var meters = uri.Query.TrimStart('?').Split('&').FirstOrDefault(p => p.StartsWith("meters=", StringComparison.Ordinal));
        return meters is null ? [] : [.. Uri.UnescapeDataString(meters["meters=".Length..]).Split(',', StringSplitOptions.RemoveEmptyEntries)];
    }
}
