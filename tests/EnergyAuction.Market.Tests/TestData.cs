namespace EnergyAuction.Market.Tests;

/// <summary>The shared data directory: ENERGYAUCTION_DATA_DIR, else ../shared/data next to the repository root.</summary>
public static class TestData
{
    public static string Directory
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("ENERGYAUCTION_DATA_DIR");
            if (!string.IsNullOrEmpty(configured))
                return configured;
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EnergyAuction.sln")))
                dir = dir.Parent;
            return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "data"));
        }
    }

    public static string IeeeFeeder
    {
        get
        {
            var path = Path.Combine(Directory, "ieee-eu-lv");
            Assume.That(File.Exists(Path.Combine(path, "lines.csv")), $"IEEE feeder data not found at {path}");
            return path;
        }
    }
}
