using System.Net.Http.Json;
using System.Text.Json;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Status;

/// <summary>Whether the chain and the HEMS answer right now, asked directly with a short timeout (not through the
/// services' retrying clients, so /health answers quickly while either is down).</summary>
public sealed class Reachability(OperatorOptions options, IHttpClientFactory http)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>The chain's latest block number, or why it could not be had.</summary>
    public async Task<(ulong? Block, string? Problem)> ChainAsync(CancellationToken ct)
    {
        using var client = Client();
        try
        {
            var response = await client.PostAsJsonAsync(options.RpcUrl, new { jsonrpc = "2.0", id = 1, method = "eth_blockNumber", @params = Array.Empty<object>() }, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            return body.TryGetProperty("result", out var result) && result.GetString() is { } hex
                ? (Convert.ToUInt64(hex, 16), null)
                : (null, $"{options.RpcUrl} answered HTTP {(int)response.StatusCode} without a block number");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or FormatException && !ct.IsCancellationRequested)
        {
            return (null, $"{options.RpcUrl}: {Describe(e)}");
        }
    }

    /// <summary>Null when the HEMS answers its /health, else why not.</summary>
    public async Task<string?> HemsAsync(CancellationToken ct)
    {
        var url = $"{options.HemsBaseUrl.TrimEnd('/')}/health";
        using var client = Client();
        try
        {
            var response = await client.GetAsync(url, ct);
            return response.IsSuccessStatusCode ? null : $"{url} answered HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return $"{url}: {Describe(e)}";
        }
    }

    private HttpClient Client()
    {
        var client = http.CreateClient(nameof(Reachability));
        client.Timeout = Timeout;
        return client;
    }

    private static string Describe(Exception e) => e is TaskCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message;
}
