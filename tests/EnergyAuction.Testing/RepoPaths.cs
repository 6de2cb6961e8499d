using EnergyAuction.Clearing;

namespace EnergyAuction.Testing;

/// <summary>Where things are: the repository root (the folder with hardhat.config.js), compiled artifacts, shared data.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string ArtifactsDir => Path.Combine(Root, "artifacts");

    /// <summary>The real data directory, found as the programs find it (<see cref="SharedDataDirectory"/>): ENERGYAUCTION_DATA_DIR
    /// if set, else ../shared/data from the repository root.</summary>
    public static string SharedDataDir => SharedDataDirectory.Resolve(null);

    /// <summary>A scratch folder under .work/ (git-ignored), created on demand.</summary>
    public static string WorkDir(string name)
    {
        var dir = Path.Combine(Root, ".work", name);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>The Hardhat artifact artifacts/contracts/**/&lt;Name&gt;.json of a compiled contract.</summary>
    public static string Artifact(string contractName)
    {
        var contracts = Path.Combine(ArtifactsDir, "contracts");
        var found = Directory.Exists(contracts)
            ? Directory.EnumerateFiles(contracts, contractName + ".json", SearchOption.AllDirectories).ToList()
            : [];
        return found.Count switch
        {
            1 => found[0],
            0 => throw new FileNotFoundException($"no artifact for {contractName} under {contracts}; run `npx hardhat compile` (scripts/setup.sh does)"),
            _ => throw new InvalidOperationException($"several artifacts named {contractName}: {string.Join(", ", found)}"),
        };
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "hardhat.config.js"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no hardhat.config.js above {AppContext.BaseDirectory}; run the tests from inside the repository");
    }
}
