using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace EnergyAuction.Hems.Security;

/// <summary>
/// Who may write readings: a request whose <c>Authorization: Bearer</c> token equals the configured write token.
/// Without a configured token nobody may.
/// </summary>
public sealed class WriteAuthorization(string? token)
{
    private readonly byte[]? _tokenHash = token is null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>False when no write token is configured: every write is refused.</summary>
    public bool WritesEnabled => _tokenHash is not null;

    /// <summary>Null when <paramref name="request"/> may write; otherwise the 403 (writes disabled) or 401 to answer.</summary>
    public IResult? Refusal(HttpRequest request)
    {
        if (_tokenHash is null)
            return Results.Json(new { error = "writes are disabled: this HEMS has no write token configured" },
                statusCode: StatusCodes.Status403Forbidden);
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        // Hashes of equal length compared in constant time: the answer's timing tells nothing about the token.
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim())), _tokenHash))
            return null;
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Json(new { error = "writing readings needs the header 'Authorization: Bearer <write token>'" },
            statusCode: StatusCodes.Status401Unauthorized);
    }
}
