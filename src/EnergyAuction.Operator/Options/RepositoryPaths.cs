namespace EnergyAuction.Operator.Options;

/// <summary>Finds the shared data directory: <c>../shared/data</c> relative to the repository root.</summary>
public static class RepositoryPaths
{
    /// <summary>The configured directory, or the default next to the repository that holds this program.</summary>
    public static string DataDirectory(string? configured)
    {
        if (configured is not null) return Path.GetFullPath(configured);
        var root = FindRoot(AppContext.BaseDirectory) ?? FindRoot(Directory.GetCurrentDirectory()) ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EnergyAuction.sln")))
                return dir.FullName;
        return null;
    }
}
