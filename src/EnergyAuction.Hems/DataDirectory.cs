namespace EnergyAuction.Hems;

/// <summary>Finds the shared data directory: <c>../shared/data</c> relative to the repository root.</summary>
public static class DataDirectory
{
    /// <summary>The configured directory, or the default next to the repository that holds this program.</summary>
    public static string Resolve(string? configured)
    {
        if (configured is not null) return Path.GetFullPath(configured);
        var root = FindRepositoryRoot(AppContext.BaseDirectory) ?? FindRepositoryRoot(Directory.GetCurrentDirectory());
        return Path.GetFullPath(Path.Combine(root ?? Directory.GetCurrentDirectory(), "..", "shared", "data"));
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "EnergyAuction.sln")))
                return dir.FullName;
        return null;
    }
}
