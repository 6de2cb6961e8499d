namespace EnergyAuction.Data;

/// <summary>
/// The shared data directory (feeder, profiles): the configured one, else $ENERGYAUCTION_DATA_DIR, else
/// <c>../shared/data</c> next to the repository (found from the working directory, then from the program's own folder).
/// </summary>
public static class SharedDataDirectory
{
    /// <summary>The environment variable that overrides the default.</summary>
    public const string EnvironmentVariable = "ENERGYAUCTION_DATA_DIR";

    /// <summary>The IEEE European LV feeder's folder inside the data directory.</summary>
    public const string FeederFolder = "ieee-eu-lv";

    /// <summary>The data directory to use, as a full path.</summary>
    public static string Resolve(string? configured)
    {
        if (configured is { Length: > 0 })
            return Path.GetFullPath(configured);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } variable)
            return Path.GetFullPath(variable);
        var root = FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
    }

    /// <summary>The feeder folder under a data directory.</summary>
    public static string FeederDirectory(string dataDirectory) => Path.GetFullPath(Path.Combine(dataDirectory, FeederFolder));

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EnergyAuction.sln")))
                return dir.FullName;
        return null;
    }
}
