namespace EnergyAuction.Data.Profiles;

/// <summary>Where the household profiles and the feeder's load list lie inside a data directory.</summary>
public static class ProfileFiles
{
    /// <summary>The IEEE European LV feeder's 1-minute load profiles (one day, 100 shapes).</summary>
    public static string Loads(string dataDirectory) => Path.Combine(dataDirectory, "profiles", "ieee_eulv_load_profiles_1min.csv");

    /// <summary>Ausgrid customer 12's half-hourly PV generation for 2011-2012.</summary>
    public static string Pv(string dataDirectory) => Path.Combine(dataDirectory, "profiles", "ausgrid_customer12_2011-2012_30min.csv");

    /// <summary>The feeder's loads (name, bus, ..., load shape).</summary>
    public static string FeederLoads(string dataDirectory) => Path.Combine(SharedDataDirectory.FeederDirectory(dataDirectory), "loads.csv");

    /// <summary>All three files; the real profiles need every one of them.</summary>
    public static IReadOnlyList<string> All(string dataDirectory) => [Loads(dataDirectory), Pv(dataDirectory), FeederLoads(dataDirectory)];
}
