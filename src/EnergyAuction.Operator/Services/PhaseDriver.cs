using EnergyAuction.Chain.Contracts;
using EnergyAuction.Operator.Chain;
using EnergyAuction.Operator.Clearing;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Windows;
using ChainPhase = EnergyAuction.Chain.WindowPhase;

namespace EnergyAuction.Operator.Services;

/// <summary>
/// Opens windows on the configured schedule and moves them on at their deadlines, by chain time:
/// BiddingOffering -> Matching and EnergyTransfer -> Settlement. (Matching ends when the Clearing
/// service finalises; Settlement when the Settlement service closes the window.)
/// </summary>
public sealed partial class PhaseDriver(
    OperatorChain chain, ActiveWindows windows, OperatorFeeder feeder, OperatorOptions options, ILogger<PhaseDriver> logger)
    : MarketLoop(options, logger)
{
    /// <inheritdoc />
    protected override string Name => "PhaseDriver";

    /// <inheritdoc />
    protected override async Task RoundAsync(CancellationToken ct)
    {
        var now = await chain.NowAsync(ct);
        if (WindowSchedule.IsDue(Options.WindowEverySeconds, (await windows.NewestAsync())?.Info, now))
        {
            var parameters = WindowSchedule.ParamsFor(Options.Window, feeder.MaxDistanceMetres(Options.Window));
            var (id, _) = await chain.Market.Trade.OpenWindowAsync(parameters);
            LogOpened(id, parameters.BiddingDuration, parameters.Mechanism.ToString());
        }

        foreach (var (id, info) in await windows.ReadAsync())
        {
            var (deadline, next) = info.Phase switch
            {
                ChainPhase.BiddingOffering => (info.BiddingDeadline, ChainPhase.Matching),
                ChainPhase.EnergyTransfer => (info.TransferDeadline, ChainPhase.Settlement),
                _ => (0UL, ChainPhase.None),
            };
            if (next == ChainPhase.None || now < deadline) continue;
            try
            {
                await chain.Market.Trade.AdvancePhaseAsync(id);
                LogAdvanced(id, next);
            }
            catch (ContractRevertException e) when (e.ErrorName is "DeadlineNotReached" or "WrongPhase")
            {
                // Chain time has not quite reached the deadline yet, or another round already moved it on.
                LogNotYet(id, next, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window} opened: BiddingOffering for {Seconds} s, mechanism {Mechanism}")]
    private partial void LogOpened(ulong window, uint seconds, string mechanism);

    [LoggerMessage(Level = LogLevel.Information, Message = "window {Window} -> {Phase}")]
    private partial void LogAdvanced(ulong window, ChainPhase phase);

    [LoggerMessage(Level = LogLevel.Debug, Message = "window {Window} not yet -> {Phase}: {Reason}")]
    private partial void LogNotYet(ulong window, ChainPhase phase, string reason);
}
