using Microsoft.AspNetCore.Http;

namespace EnergyAuction.Hems.Api;

/// <summary>Reads a request body of at most <see cref="RequestLimits.MaxBodyBytes"/>, declared or chunked.</summary>
internal static class BoundedBody
{
    /// <summary>The body, or null when it is (or declares to be) larger than the limit.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > RequestLimits.MaxBodyBytes) return null;
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0)
        {
            if (body.Length + read > RequestLimits.MaxBodyBytes) return null;
            body.Write(chunk, 0, read);
        }
        return body.ToArray();
    }
}
