namespace EnergyAuction.Demo;

/// <summary>What the demo runs: how many households, how many consecutive windows, where the data is, where the JSON summary goes,
/// whether the market stays up afterwards.</summary>
public sealed record DemoOptions
{
    /// <summary>The largest market the demo trades through the `energy` CLI.</summary>
    public const int MaxHouseholds = 1000;

    /// <summary>The largest market the load run sets up (its orders go through the Chain library, not the CLI).</summary>
    public const int MaxLoadHouseholds = 10_000;

    public int Households { get; init; } = 20;

    /// <summary>The most households this run accepts: <see cref="MaxHouseholds"/>, or <see cref="MaxLoadHouseholds"/> for the load run.</summary>
    public int HouseholdLimit { get; init; } = MaxHouseholds;

    /// <summary>Consecutive windows; from the second on, a window's bidding overlaps the previous window's transfer.</summary>
    public int Windows { get; init; } = 1;

    /// <summary>The shared data directory (null: ENERGYAUCTION_DATA_DIR, else ../shared/data next to the repository).</summary>
    public string? DataDirectory { get; init; }

    public string? JsonSummaryFile { get; init; }

    /// <summary>After the windows, leave the market (node, HEMS, daemon, explorer) up for a person to look around until Ctrl+C.</summary>
    public bool KeepRunning { get; init; }

    /// <summary>Problems with the options, one line each; empty when they can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        // Two prosumers and two consumers at least: dpda's trade reduction never lets a single pair trade.
        if (Households < 4 || Households > HouseholdLimit) problems.Add($"--households must be 4..{HouseholdLimit}, got {Households}");
        if (Windows is < 1 or > 100) problems.Add($"--windows must be 1..100, got {Windows}");
        if (DataDirectory is not null && !Directory.Exists(DataDirectory)) problems.Add($"--data-dir {DataDirectory} does not exist");
        return problems;
    }
}
