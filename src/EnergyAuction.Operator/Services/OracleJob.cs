using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Oracle;
using EnergyAuction.Operator.Status;

namespace EnergyAuction.Operator.Services;

/// <summary>
/// The Chainlink direct-request job: follows the Operator's OracleRequest logs from the persisted
/// checkpoint, serves only this market's oracle client and allow-listed HEMS hosts, fetches the
/// reading and answers with fulfillOracleRequest2. Each request is answered at most once: the
/// checkpoint records fulfilled ids, and a request the chain shows answered (OracleResponse) is
/// never sent again. A reading that cannot be had is logged and left unanswered: the contract then
/// refunds an unvalidated offer at close, and the Settlement service settles an unreported buyer.
/// </summary>
public sealed partial class OracleJob(
    OperatorChain chain, OracleCheckpoints checkpoints, OracleRequestPolicy policy, HemsReadingFetcher hems,
    MarketStatus status, OperatorMetrics metrics, OperatorOptions options, ILogger<OracleJob> logger)
    : MarketLoop(options, logger)
{
    // Blocks scanned per eth_getLogs, and requests served at once (HEMS fetches overlap; sends share one nonce sequence).
    private const ulong BlocksPerScan = 2_000;
    private const int Concurrency = 8;

    /// <inheritdoc />
    protected override string Name => "OracleJob";

    /// <inheritdoc />
    protected override async Task RoundAsync(CancellationToken ct)
    {
        var checkpoint = await checkpoints.OpenAsync(ct);
        var latest = await chain.LatestBlockAsync(ct);
        while (!ct.IsCancellationRequested && (ulong)checkpoint.NextBlock <= latest)
        {
            var from = (ulong)Math.Max(checkpoint.NextBlock, (long)chain.Deployment.Block);
            var to = Math.Min(latest, from + BlocksPerScan - 1);
            var requests = await chain.Market.Operator.GetOracleRequestsAsync(from, to);
            if (requests.Count > 0)
            {
                var answered = (await chain.Market.Operator.GetEventsAsync<OracleResponseEvent>(from))
                    .Select(r => RequestIds.Normalize(Hex(r.Event.RequestId))).ToHashSet(StringComparer.Ordinal);
                await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct },
                    async (request, token) => await ServeAsync(checkpoint, request, answered, token));
            }
            checkpoint.MarkBlockProcessed((long)to);
            status.BlockProcessed((long)to);
        }
    }

    private async Task ServeAsync(OracleCheckpointStore checkpoint, EventLog<OracleRequestEvent> log, HashSet<string> answered, CancellationToken ct)
    {
        var request = log.Event;
        var id = RequestIds.Normalize(Hex(request.RequestId));
        if (checkpoint.IsFulfilled(id)) return;
        if (answered.Contains(id))
        {
            checkpoint.MarkFulfilled(id);
            return;
        }

        IReadOnlyDictionary<string, object?> parameters;
        try
        {
            parameters = ChainlinkCbor.Decode(request.Data);
        }
        catch (FormatException e)
        {
            LogIgnored(id, request.Requester, $"parameters are not CBOR: {e.Message}");
            metrics.Ignored();
            return;
        }
        if (policy.Refusal(request.Requester, parameters) is { } refusal)
        {
            LogIgnored(id, request.Requester, refusal);
            metrics.Ignored();
            return;
        }

        var url = parameters.Text("get")!;
        var meter = HemsMeter.Of(url);
        status.RequestPending(id, url);
        try
        {
            var reading = await hems.FetchAsync(url, parameters.Text("path")!, ct);
            if (reading.Value is not { } value)
            {
                LogNoReading(meter, id, reading.Failure, reading.Detail);
                metrics.Failed();
                return;
            }
            try
            {
                var receipt = await chain.Market.Operator.FulfillOracleRequest2Async(request, value);
                checkpoint.MarkFulfilled(id);
                metrics.Fulfilled();
                LogFulfilled(meter, value.ToString(), id, receipt.BlockNumber);
            }
            catch (ContractRevertException e) when (e.Reason?.Contains("valid requestId", StringComparison.Ordinal) == true)
            {
                // The Operator forgets a request once answered: it was fulfilled before (e.g. just before a crash).
                checkpoint.MarkFulfilled(id);
                LogAlreadyAnswered(meter, id);
            }
        }
        finally
        {
            status.RequestDone(id);
        }
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "fulfilled reading for meter {Meter}: {Value} Wh (request {RequestId}, block {Block})")]
    private partial void LogFulfilled(string meter, string value, string requestId, ulong block);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ignored oracle request {RequestId} from {Requester}: {Reason}")]
    private partial void LogIgnored(string requestId, string requester, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "rejected reading for meter {Meter}: no HEMS answer ({Failure}: {Detail}); request {RequestId} left unanswered, so the offer stays unvalidated and is refunded, or the buyer is settled as unreported")]
    private partial void LogNoReading(string meter, string requestId, HemsFailure? failure, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "reading for meter {Meter} was already fulfilled on chain (request {RequestId})")]
    private partial void LogAlreadyAnswered(string meter, string requestId);
}
