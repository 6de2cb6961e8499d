using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Data.Feeder;

/// <summary>Loads a <see cref="FeederTopology"/> from the CSV form of shared/data/ieee-eu-lv.</summary>
public static class FeederFiles
{
    /// <summary>A feeder from a lines file (name,bus1,bus2,length_m) and no loads.</summary>
    public static FeederTopology LoadCsv(string linesCsv) => new(FeederCsv.ReadLines(linesCsv), []);

    /// <summary>The IEEE European LV feeder form: <c>lines.csv</c> and <c>loads.csv</c> in one directory.</summary>
    public static FeederTopology LoadDirectory(string ieeeDir) =>
        new(FeederCsv.ReadLines(Path.Combine(ieeeDir, "lines.csv")), FeederCsv.ReadLoads(Path.Combine(ieeeDir, "loads.csv")));

    /// <summary>Whether <paramref name="dataDir"/> holds the IEEE feeder (else callers fall back to <see cref="FallbackFeeder"/>).</summary>
    public static bool HasIeeeFeeder(string dataDir) =>
        File.Exists(Path.Combine(SharedDataDirectory.FeederDirectory(dataDir), "lines.csv"));

    /// <summary>The IEEE feeder under <paramref name="dataDir"/>/ieee-eu-lv if present, else <see cref="FallbackFeeder"/>.</summary>
    public static FeederTopology LoadOrFallback(string dataDir) =>
        HasIeeeFeeder(dataDir) ? LoadDirectory(SharedDataDirectory.FeederDirectory(dataDir)) : FallbackFeeder.Create();
}
