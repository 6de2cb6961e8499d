
namespace EnergyAuction.Devnet;

/// <summary>Where things are: the repository root (the folder with hardhat.config.js), compiled artifacts, scratch folders, built programs.
/// and the shared data directory as the programs find it (resolved by EnergyAuction.Data.SharedDataDirectory).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string ArtifactsDir => Path.Combine(Root, "artifacts");

    /// <summary>Hardhat's command-line entry point, run with `node` (no npx: one process less to stop).</summary>
    public static string HardhatCli => Path.Combine(Root, "node_modules", "hardhat", "internal", "cli", "bootstrap.js");

    /// <summary>The real data directory: ENERGYAUCTION_DATA_DIR if set, else ../shared/data from the repository root.</summary>
    public static string SharedDataDir => EnergyAuction.Data.SharedDataDirectory.Resolve(null);

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

    /// <summary>The built dll of a project under src/ (e.g. "EnergyAuction.Hems") in the given build configuration.</summary>
    public static string BuiltProgram(string project, string configuration, string? assemblyName = null)
    {
        var dll = Path.Combine(Root, "src", project, "bin", configuration, "net10.0", (assemblyName ?? project) + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{project} is not built ({dll} is missing); run `dotnet build EnergyAuction.sln -c {configuration}`", dll);
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "hardhat.config.js"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"no hardhat.config.js above {AppContext.BaseDirectory}; run from inside the repository");
    }
}
