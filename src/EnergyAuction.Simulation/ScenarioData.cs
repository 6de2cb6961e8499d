using EnergyAuction.Data;
using EnergyAuction.Data.Feeder;
using EnergyAuction.Data.Profiles;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Simulation;

/// <summary>The shared data a simulation needs: load shapes, PV year, the loads' buses and the feeder's distances.</summary>
public sealed record ScenarioData(LoadShapes Shapes, PvGeneration Pv, FeederLoads Buses, FeederDistances Feeder)
{
    /// <summary>Reads the IEEE feeder and profiles under <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">A file the simulation needs is missing (the simulation has no stand-ins).</exception>
    public static ScenarioData Read(string dataDirectory)
    {
        foreach (var path in ProfileFiles.All(dataDirectory).Append(Path.Combine(SharedDataDirectory.FeederDirectory(dataDirectory), "lines.csv")))
        {
            if (!File.Exists(path))
                throw new FileNotFoundException($"{path} is missing: the simulation needs the shared data (set {SharedDataDirectory.EnvironmentVariable})", path);
        }
        return new ScenarioData(LoadShapes.Read(ProfileFiles.Loads(dataDirectory)), PvGeneration.Read(ProfileFiles.Pv(dataDirectory)),
            FeederLoads.Read(ProfileFiles.FeederLoads(dataDirectory)), FeederFiles.LoadDirectory(SharedDataDirectory.FeederDirectory(dataDirectory)).Distances());
    }

    /// <summary>The scenario of <paramref name="options"/> on this data.</summary>
    public Scenario Scenario(ScenarioOptions options) => Simulation.Scenario.Build(options, Shapes, Pv, Buses);
}
