namespace EnergyAuction.Cli;

/// <summary>
/// Where a deployment record lives by default: deployments/&lt;network&gt;.json under the repository root (the folder
/// with hardhat.config.js, found upwards from the current directory), so `energy` run from src/ or a project folder
/// reads and writes the same record as scripts/deploy.js; outside a repository, under the current directory.
/// </summary>
public static class DeploymentPaths
{
    /// <summary>The default record of a network, e.g. "localhost".</summary>
    public static string Default(string network = "localhost") =>
        Path.Combine(RepositoryRoot() ?? Directory.GetCurrentDirectory(), "deployments", network + ".json");

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "hardhat.config.js"))) return dir.FullName;
        return null;
    }
}
