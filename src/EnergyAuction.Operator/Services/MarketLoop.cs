using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Services;

/// <summary>
/// A hosted service that looks at the chain every poll interval and does what is due. A failed
/// round (node unreachable, a revert, HEMS trouble) is logged and the next round starts from chain
/// state again, so the daemon carries on through outages.
/// </summary>
public abstract partial class MarketLoop(OperatorOptions options, ILogger logger) : BackgroundService
{
    /// <summary>The daemon's configuration.</summary>
    protected OperatorOptions Options { get; } = options;

    /// <summary>The service's name in logs.</summary>
    protected abstract string Name { get; }

    /// <summary>One round: read the chain, act on what is due.</summary>
    protected abstract Task RoundAsync(CancellationToken ct);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(Options.PollIntervalMilliseconds);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
                if (failures > 0) LogRecovered(logger, Name, failures);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                LogRoundFailed(logger, Name, failures, e.GetType().Name, e.Message);
            }
            try
            {
                // Back off while failing (up to 10 intervals) so an outage is not hammered.
                await Task.Delay(interval * Math.Min(1 + failures, 10), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service}: round failed ({Failures} in a row), trying again: {Error}: {Detail}")]
    private static partial void LogRoundFailed(ILogger logger, string service, int failures, string error, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Service}: working again after {Failures} failed rounds")]
    private static partial void LogRecovered(ILogger logger, string service, int failures);
}
