namespace EnergyAuction.Simulation;

/// <summary>A scenario's results under every market choice, grid-only first, with their totals.</summary>
public sealed class SimulationReport
{
    public SimulationReport(Scenario scenario, IReadOnlyList<MechanismResult> results)
    {
        Scenario = scenario;
        Results = results;
        Totals = [.. results.Select(MechanismTotals.Of)];
    }

    public Scenario Scenario { get; }

    public IReadOnlyList<MechanismResult> Results { get; }

    public IReadOnlyList<MechanismTotals> Totals { get; }

    /// <summary>The grid-only baseline's totals.</summary>
    public MechanismTotals GridOnly => Totals.Single(t => t.Mechanism == MarketChoice.GridOnly.Name);
}
