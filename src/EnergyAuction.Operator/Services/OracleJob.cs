using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Services;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Oracle;
using EnergyAuction.Operator.Status;

namespace EnergyAuction.Operator.Services;

/// <summary>
/// The Chainlink direct-request job: follows the Operator's OracleRequest logs from the persisted
/// checkpoint, serves only this market's oracle client and allow-listed HEMS hosts, fetches the
/// reading (or, for a request without a <c>path</c>, a batch of settlement readings from the HEMS
/// <c>/readings</c>) and answers with fulfillOracleRequest2, its gas from the callback's estimate
/// (a request whose estimate fails is logged and left). Each request is answered at most once: the
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
        var path = parameters.Text("path");
        var meter = path is null ? string.Join(",", HemsMeters.Of(url)) : HemsMeter.Of(url);
        status.RequestPending(id, url);
        try
        {
            byte[] data;
            string answer;
            if (path is null)
            {
                var readings = await hems.FetchReadingsAsync(url, ct);
                if (readings.Readings is not { } batch)
                {
                    LogNoReading(meter, id, readings.Failure, readings.Detail);
                    metrics.Failed();
                    return;
                }
                foreach (var unread in batch.Where(r => !r.Read))
                    LogMeterUnread(MeterId.FromBytes32(unread.MeterId), id);
                data = OracleOperatorService.EncodeReadingsFulfilment(request.RequestId, batch);
                answer = $"{batch.Count(r => r.Read)} of {batch.Count} read";
            }
            else
            {
                var reading = await hems.FetchAsync(url, path, ct);
                if (reading.Value is not { } value)
                {
                    LogNoReading(meter, id, reading.Failure, reading.Detail);
                    metrics.Failed();
                    return;
                }
                data = OracleOperatorService.EncodeFulfilment(request.RequestId, value);
                answer = $"{value} Wh";
            }
            await FulfilAsync(checkpoint, request, id, meter, data, answer, ct);
        }
        finally
        {
            status.RequestDone(id);
        }
    }

    private async Task FulfilAsync(OracleCheckpointStore checkpoint, OracleRequestEvent request, string id, string meter, byte[] data,
        string answer, CancellationToken ct)
    {
        BigInteger gas;
        try
        {
            gas = await chain.Market.Operator.EstimateFulfilGasAsync(request, data, ct);
        }
        catch (Exception e) when (e is RpcException or ContractRevertException)
        {
            // Sending would only pay for a callback that reverts (e.g. past the settlement deadline); the request is left.
            LogEstimateFailed(meter, id, e.Message);
            metrics.Failed();
            return;
        }
        try
        {
            var receipt = await chain.Market.Operator.FulfillOracleRequest2Async(request.RequestId, request.Payment, request.CallbackAddr,
                request.CallbackFunctionId, request.CancelExpiration, data, gas, ct);
            checkpoint.MarkFulfilled(id);
            metrics.Fulfilled();
            if (meter.Contains(',', StringComparison.Ordinal)) LogBatchFulfilled(meter, answer, id, receipt.BlockNumber, gas.ToString());
            else LogFulfilled(meter, answer, id, receipt.BlockNumber, gas.ToString());
        }
        catch (ContractRevertException e) when (e.Reason?.Contains("valid requestId", StringComparison.Ordinal) == true)
        {
            // The Operator forgets a request once answered: it was fulfilled before (e.g. just before a crash).
            checkpoint.MarkFulfilled(id);
            LogAlreadyAnswered(meter, id);
        }
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "fulfilled reading for meter {Meter}: {Answer} (request {RequestId}, block {Block}, gas limit {Gas})")]
    private partial void LogFulfilled(string meter, string answer, string requestId, ulong block, string gas);

    [LoggerMessage(Level = LogLevel.Information, Message = "fulfilled reading for meters {Meters}: {Answer} (request {RequestId}, block {Block}, gas limit {Gas})")]
    private partial void LogBatchFulfilled(string meters, string answer, string requestId, ulong block, string gas);

    [LoggerMessage(Level = LogLevel.Warning, Message = "rejected reading for meter {Meter}: the HEMS could not read it (request {RequestId}); it is answered as not read, so its reading stays missing unless asked again once the request expires")]
    private partial void LogMeterUnread(string meter, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "reading for meter {Meter} not sent: the fulfilment's gas estimate failed ({Reason}); request {RequestId} left unanswered")]
    private partial void LogEstimateFailed(string meter, string requestId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ignored oracle request {RequestId} from {Requester}: {Reason}")]
    private partial void LogIgnored(string requestId, string requester, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "rejected reading for meter {Meter}: no HEMS answer ({Failure}: {Detail}); request {RequestId} left unanswered, so the offer stays unvalidated and is refunded, or the buyer is settled as unreported")]
    private partial void LogNoReading(string meter, string requestId, HemsFailure? failure, string? detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "reading for meter {Meter} was already fulfilled on chain (request {RequestId})")]
    private partial void LogAlreadyAnswered(string meter, string requestId);
}
