using EnergyAuction.Clearing;
using EnergyAuction.Data;

namespace EnergyAuction.Testing;

/// <summary>Where things are: the repository root, compiled artifacts and scratch folders (<see cref="Devnet.RepoPaths"/>),
/// and the shared data directory as the programs find it (<see cref="SharedDataDirectory"/>).</summary>
public static class RepoPaths
{
    public static string Root => Devnet.RepoPaths.Root;

    public static string ArtifactsDir => Devnet.RepoPaths.ArtifactsDir;

    /// <summary>The real data directory: ENERGYAUCTION_DATA_DIR if set, else ../shared/data from the repository root.</summary>
    public static string SharedDataDir => SharedDataDirectory.Resolve(null);

    /// <summary>A scratch folder under .work/ (git-ignored), created on demand.</summary>
    public static string WorkDir(string name) => Devnet.RepoPaths.WorkDir(name);

    /// <summary>The Hardhat artifact artifacts/contracts/**/&lt;Name&gt;.json of a compiled contract.</summary>
    public static string Artifact(string contractName) => Devnet.RepoPaths.Artifact(contractName);
}
