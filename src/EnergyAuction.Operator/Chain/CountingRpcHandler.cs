using EnergyAuction.Operator.Status;

namespace EnergyAuction.Operator.Chain;

/// <summary>Sits under the JSON-RPC client and counts the HTTP attempts that failed (no answer, 429 or 5xx): the ones
/// the client's bounded retries then repeat. The client's own retry policy is untouched.</summary>
public sealed class CountingRpcHandler(OperatorMetrics metrics)
    : DelegatingHandler(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode == 429 || (int)response.StatusCode >= 500)
                metrics.RpcAttemptFailed();
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            metrics.RpcAttemptFailed();
            throw;
        }
    }
}
