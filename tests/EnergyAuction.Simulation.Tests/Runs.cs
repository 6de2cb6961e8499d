namespace EnergyAuction.Simulation.Tests;

/// <summary>Small scenarios run with every window's book kept, shared by the invariant tests.</summary>
internal static class Runs
{
    /// <summary>20 households, 6 of them with PV, one day of 15-minute windows (options may override).</summary>
    public static ScenarioOptions Small(PriceStrategy strategy = PriceStrategy.Truthful) =>
        new() { Households = 20, PvSharePercent = 30, Seed = 7, Strategy = strategy, OrderFeeWei = 1_000_000 };

    public static IEnumerable<MechanismResult> AllKept(ScenarioOptions options)
    {
        var scenario = SharedData.Value.Scenario(options);
        return MarketChoice.All.Select(m => SimulationRunner.Run(scenario, SharedData.Value.Feeder, m, keepBooks: true));
    }
}
