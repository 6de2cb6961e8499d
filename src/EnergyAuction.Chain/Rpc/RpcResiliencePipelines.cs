using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EnergyAuction.Chain.Rpc;

/// <summary>The Polly pipelines: reads retry transient failures with jittered exponential backoff;
/// sends only get a timeout, because resending a transaction whose outcome is unknown needs a check first.</summary>
internal static class RpcResiliencePipelines
{
    public static bool IsTransient(Exception e) =>
        e is HttpRequestException or TimeoutRejectedException or TransientRpcException
        || e is TaskCanceledException { InnerException: TimeoutException };

    public static ResiliencePipeline ForReads(RpcResilienceOptions options)
    {
        var builder = new ResiliencePipelineBuilder();
        if (options.MaxRetries > 0)
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
            });
        return builder.AddTimeout(options.AttemptTimeout).Build();
    }

    public static ResiliencePipeline ForSends(RpcResilienceOptions options) =>
        new ResiliencePipelineBuilder().AddTimeout(options.AttemptTimeout).Build();
}
