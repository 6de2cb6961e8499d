namespace EnergyAuction.Simulation.OnChain;

/// <summary>
/// Each household's window after its battery acted, as <see cref="SimulationRunner"/> computes it: the battery plan
/// follows the forecast alone, so these flows (the meters' actual import and export, the energy an offer may sell) are
/// the same under every mechanism.
/// </summary>
public static class ScenarioFlows
{
    /// <summary>[window][household index] for the first <paramref name="windows"/> windows.</summary>
    public static HouseholdWindow[][] FirstWindows(Scenario scenario, int windows)
    {
        var households = scenario.Households;
        var charge = households.Select(h => h.BatteryStartWh).ToArray();
        var flows = new HouseholdWindow[windows][];
        for (var w = 0; w < windows; w++)
        {
            flows[w] = new HouseholdWindow[households.Count];
            for (var h = 0; h < households.Count; h++)
                flows[w][h] = HouseholdWindow.Run(scenario.LoadWh[h][w], scenario.PvWh[h][w], scenario.LoadForecastWh[h][w],
                    scenario.PvForecastWh[h][w], households[h].BatteryCapacityWh, ref charge[h]);
        }
        return flows;
    }
}
