using EnergyAuction.Data;

namespace EnergyAuction.Simulation.Tests;

/// <summary>The shared data, read once for all tests (ENERGYAUCTION_DATA_DIR or ../shared/data).</summary>
internal static class SharedData
{
    private static readonly Lazy<ScenarioData> Data = new(() => ScenarioData.Read(SharedDataDirectory.Resolve(null)));

    public static ScenarioData Value => Data.Value;
}
