using System.Globalization;
using System.Text;
using EnergyAuction.Operator.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace EnergyAuction.Operator.Status;

/// <summary>
/// <c>/health</c>: the chain's and the HEMS's reachability and how long ago the oracle job last got through a block;
/// 503 when the chain or the HEMS is down. <c>/metrics</c>: the same facts and the daemon's counters in the Prometheus
/// text format (hand-made: a dozen lines need no exporter).
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealthAndMetrics(this IEndpointRouteBuilder app, MarketStatus status, Reachability reach, OperatorMetrics metrics,
        OperatorOptions options, TimeProvider time)
    {
        app.MapGet("/health", async (CancellationToken ct) =>
        {
            var chainTask = reach.ChainAsync(ct);
            var hemsTask = reach.HemsAsync(ct);
            var (block, chainProblem) = await chainTask;
            var hemsProblem = await hemsTask;
            var snapshot = status.Snapshot();
            var healthy = chainProblem is null && hemsProblem is null;
            return Results.Json(new
            {
                status = healthy ? "ok" : "unhealthy",
                chain = new { url = options.RpcUrl, reachable = chainProblem is null, latestBlock = block, problem = chainProblem },
                hems = new { url = options.HemsBaseUrl, reachable = hemsProblem is null, problem = hemsProblem },
                oracle = new
                {
                    lastProcessedBlock = snapshot.LastProcessedBlock,
                    secondsSinceLastProcessedBlock = snapshot.LastProcessedAt is { } at ? (long?)(time.GetUtcNow() - at).TotalSeconds : null,
                },
            }, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        app.MapGet("/metrics", async (CancellationToken ct) =>
        {
            var (block, _) = await reach.ChainAsync(ct);
            return Results.Text(Render(status.Snapshot(), metrics, block), "text/plain; version=0.0.4; charset=utf-8");
        });
    }

    public static string Render(MarketStatusSnapshot snapshot, OperatorMetrics metrics, ulong? latestBlock)
    {
        var text = new StringBuilder();
        void Metric(string name, string type, string help, IEnumerable<(string Labels, long Value)> samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
            foreach (var (labels, value) in samples)
                text.Append(CultureInfo.InvariantCulture, $"{name}{labels} {value}\n");
        }

        Metric("energyauction_windows", "gauge", "Windows the daemon has seen, by phase.",
            Enum.GetValues<WindowPhase>().Select(p => ($"{{phase=\"{p}\"}}", (long)snapshot.Windows.Count(w => w.Phase == p))));
        Metric("energyauction_orders", "gauge", "Orders in the windows that are not over yet.",
            [("", snapshot.Windows.Where(w => w.Phase is not (WindowPhase.Closed or WindowPhase.Cancelled)).Sum(w => (long)w.Orders))]);
        Metric("energyauction_oracle_requests_pending", "gauge", "Oracle requests waiting for a HEMS reading.", [("", snapshot.PendingOracleRequests.Count)]);
        Metric("energyauction_oracle_requests_total", "counter", "Oracle requests handled since start, by outcome.",
            [("{outcome=\"fulfilled\"}", metrics.OracleFulfilled), ("{outcome=\"failed\"}", metrics.OracleFailed), ("{outcome=\"ignored\"}", metrics.OracleIgnored)]);
        Metric("energyauction_rpc_failed_attempts_total", "counter", "JSON-RPC attempts that failed (each is retried up to the client's bound).",
            [("", metrics.RpcFailedAttempts)]);
        Metric("energyauction_last_processed_block", "gauge", "Last block whose oracle requests were all handled.", [("", snapshot.LastProcessedBlock ?? -1)]);
        if (latestBlock is { } latest)
            Metric("energyauction_chain_latest_block", "gauge", "The chain's latest block.", [("", (long)latest)]);
        return text.ToString();
    }
}
