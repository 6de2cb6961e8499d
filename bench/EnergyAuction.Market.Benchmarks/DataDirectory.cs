using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Market.Benchmarks;

/// <summary>The shared data directory: ENERGYAUCTION_DATA_DIR, else ../shared/data beside the repository root.</summary>
internal static class DataDirectory
{
    public static string Path
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("ENERGYAUCTION_DATA_DIR");
            if (!string.IsNullOrEmpty(configured))
                return configured;
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "EnergyAuction.sln")))
                dir = dir.Parent;
            return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir?.FullName ?? ".", "..", "shared", "data"));
        }
    }

    /// <summary>The IEEE European LV feeder, or the generated fallback when the data is absent.</summary>
    public static FeederTopology Feeder() => FeederTopology.LoadOrFallback(Path);
}
