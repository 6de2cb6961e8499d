using EnergyAuction.Devnet;

namespace EnergyAuction.Demo;

/// <summary>Everything a running demo market consists of, handed to each window.</summary>
public sealed record DemoMarket(
    HardhatNode Node, HemsService Hems, OperatorDaemon Daemon, MarketParticipants People, IReadOnlyList<DemoHousehold> Households,
    EnergyCommands Energy, Progress Progress, string DataDirectory, WindowTerms Terms,
    CancellationToken Cancellation);
