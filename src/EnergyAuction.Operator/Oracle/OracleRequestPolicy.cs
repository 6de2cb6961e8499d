namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// Which oracle requests the daemon serves: only those made by this market's EnergyOracleClient,
/// and only for HTTP(S) URLs on an allow-listed HEMS host. Anything else could make the operator
/// sign readings for strangers or fetch arbitrary URLs, so it is refused with a reason.
/// </summary>
public sealed class OracleRequestPolicy
{
    private readonly string _oracleClient;
    private readonly HashSet<string> _allowedHosts;

    /// <param name="oracleClient">This market's EnergyOracleClient address (0x + 40 hex digits).</param>
    /// <param name="allowedHosts">HEMS hosts, as <c>host</c> (any port) or <c>host:port</c>.</param>
    public OracleRequestPolicy(string oracleClient, IEnumerable<string> allowedHosts)
    {
        _oracleClient = oracleClient.ToLowerInvariant();
        _allowedHosts = new HashSet<string>(allowedHosts.Select(h => h.Trim().ToLowerInvariant()), StringComparer.Ordinal);
    }

    /// <summary>Null when the request may be served, otherwise why it is refused.</summary>
    /// <param name="requester">The <c>requester</c> of the OracleRequest log.</param>
    /// <param name="parameters">The decoded CBOR parameters: <c>get</c>, and <c>path</c> for a single reading (a batched
    /// readings request has none: the job takes the arrays of the HEMS <c>/readings</c> answer).</param>
    public string? Refusal(string requester, IReadOnlyDictionary<string, object?> parameters)
    {
        if (!string.Equals(requester, _oracleClient, StringComparison.OrdinalIgnoreCase))
            return $"requester {requester} is not this market's oracle client {_oracleClient}";
        if (parameters.Text("get") is not { } url)
            return "request has no text 'get' parameter";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"'{url}' is not an absolute http(s) URL";
        if (uri.UserInfo.Length > 0)
            return $"'{url}' carries user information";
        var host = uri.Host.ToLowerInvariant();
        if (!_allowedHosts.Contains(host) && !_allowedHosts.Contains($"{host}:{uri.Port}"))
            return $"host {uri.Authority} is not on the HEMS allow-list";
        return null;
    }
}
