namespace EnergyAuction.Cli;

/// <summary>The shared data directory (feeder, profiles): --data-dir, else $ENERGYAUCTION_DATA_DIR, else ../shared/data
/// next to the repository this tool runs in (found from the working directory, then from the binary).</summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "ENERGYAUCTION_DATA_DIR";

    public static string Resolve(string? option)
    {
        if (option is { Length: > 0 })
            return Path.GetFullPath(option);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
            return Path.GetFullPath(env);
        var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EnergyAuction.sln")))
                return dir.FullName;
        }

        return null;
    }
}
