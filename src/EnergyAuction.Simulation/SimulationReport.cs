namespace EnergyAuction.Simulation;

/// <summary>A scenario's results under every market choice, grid-only first, with their totals.</summary>
public sealed class SimulationReport
{
    /// <summary>The results of <paramref name="scenario"/>; <paramref name="results"/> must include grid-only.</summary>
    public SimulationReport(Scenario scenario, IReadOnlyList<MechanismResult> results)
    {
        Scenario = scenario;
        Results = results;
        Totals = [.. results.Select(MechanismTotals.Of)];
    }

    /// <summary>The scenario that was run.</summary>
    public Scenario Scenario { get; }

    /// <summary>One result per market choice, in <see cref="MarketChoice.All"/> order.</summary>
    public IReadOnlyList<MechanismResult> Results { get; }

    /// <summary>The totals of each result, in the same order.</summary>
    public IReadOnlyList<MechanismTotals> Totals { get; }

    /// <summary>The grid-only baseline's totals.</summary>
    public MechanismTotals GridOnly => Totals.Single(t => t.Mechanism == MarketChoice.GridOnly.Name);
}
