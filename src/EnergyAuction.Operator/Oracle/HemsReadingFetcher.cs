using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// Runs the HTTP part of the oracle job: GET the HEMS URL, take the JSON path, return a
/// non-negative integer. Transient trouble (5xx, timeouts, connection errors) is retried with
/// jittered exponential backoff; a 4xx is final. Every failure comes back as a
/// <see cref="HemsReading"/>, never as an exception, so one bad meter cannot stop the daemon.
/// </summary>
public sealed partial class HemsReadingFetcher
{
    /// <summary>Largest answer read; the HEMS answers a few bytes, anything bigger is not a reading.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<Answer> _pipeline;

    /// <param name="http">Client for the HEMS; its own timeout should exceed the attempt timeout.</param>
    /// <param name="options">Timeout and retry bounds.</param>
    /// <param name="logger">Where retries and failures are logged.</param>
    public HemsReadingFetcher(HttpClient http, HemsFetchOptions options, ILogger<HemsReadingFetcher> logger)
    {
        _http = http;
        _logger = logger;
        _pipeline = new ResiliencePipelineBuilder<Answer>()
            .AddRetry(new RetryStrategyOptions<Answer>
            {
                ShouldHandle = new PredicateBuilder<Answer>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(a => a.Status >= 500),
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.FirstRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    LogRetry(args.AttemptNumber + 1, args.RetryDelay,
                        args.Outcome.Exception?.GetType().Name ?? $"HTTP {args.Outcome.Result?.Status}");
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>The integer at <paramref name="path"/> of the JSON that <paramref name="url"/> answers.</summary>
    public async Task<HemsReading> FetchAsync(string url, string path, CancellationToken cancellationToken)
    {
        var reading = await FetchOnceAsync(url, path, cancellationToken);
        if (!reading.Succeeded) LogNoReading(url, reading.Failure, reading.Detail);
        return reading;
    }

    /// <summary>The readings of a batched request: the HEMS <c>/readings</c> answer, one entry per meter asked.</summary>
    public async Task<HemsReadings> FetchReadingsAsync(string url, CancellationToken cancellationToken)
    {
        var (body, failure) = await FetchBodyAsync(url, cancellationToken);
        var readings = body is null ? HemsReadings.Failed(failure!.Failure!.Value, failure.Detail!) : HemsReadings.Parse(body);
        if (!readings.Succeeded) LogNoReading(url, readings.Failure, readings.Detail);
        return readings;
    }

    private async Task<HemsReading> FetchOnceAsync(string url, string path, CancellationToken cancellationToken)
    {
        var (body, failure) = await FetchBodyAsync(url, cancellationToken);
        return body is null ? failure! : JsonPath.ReadUint(body, path);
    }

    /// <summary>The body of a 200 answer, or why there is none.</summary>
    private async Task<(string? Body, HemsReading? Failure)> FetchBodyAsync(string url, CancellationToken cancellationToken)
    {
        Answer answer;
        try
        {
            answer = await _pipeline.ExecuteAsync(async token => await GetAsync(url, token), cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return (null, HemsReading.Failed(HemsFailure.Timeout, "no answer in time after every retry"));
        }
        catch (HttpRequestException e)
        {
            return (null, HemsReading.Failed(HemsFailure.Unreachable, e.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, HemsReading.Failed(HemsFailure.Timeout, "the HTTP client timed out"));
        }
        if (answer.Status >= 500) return (null, HemsReading.Failed(HemsFailure.ServerError, $"HTTP {answer.Status} after every retry"));
        if (answer.Status != (int)HttpStatusCode.OK) return (null, HemsReading.Failed(HemsFailure.Refused, $"HTTP {answer.Status}: {answer.Body}"));
        return answer.Body is null
            ? (null, HemsReading.Failed(HemsFailure.Garbage, $"answer is longer than {MaxAnswerBytes} bytes"))
            : (answer.Body, null);
    }

    private async Task<Answer> GetAsync(string url, CancellationToken token)
    {
        using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token);
        await using var stream = await response.Content.ReadAsStreamAsync(token);
        var buffer = new byte[MaxAnswerBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), token)) > 0)
            length += read;
        var body = length > MaxAnswerBytes ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, length);
        return new Answer((int)response.StatusCode, body);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "HEMS trouble ({Cause}); retry {Attempt} in {Delay}")]
    private partial void LogRetry(int attempt, TimeSpan delay, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No reading from {Url}: {Failure} ({Detail})")]
    private partial void LogNoReading(string url, HemsFailure? failure, string? detail);

    private sealed record Answer(int Status, string? Body);
}
