namespace EnergyAuction.Hems.Simulation;

/// <summary>
/// Maps real or chain time to profile time: simulated = origin + (t - origin) x scale, in unix
/// seconds. The profiles are read at the simulated UTC time of day (load shapes) and date (PV).
/// </summary>
public sealed class SimulatedClock(long origin, long scale, TimeProvider time)
{
    /// <summary>Unix seconds at which the meters start and simulated time equals real time.</summary>
    public long Origin { get; } = origin;

    /// <summary>Simulated seconds per real second.</summary>
    public long Scale { get; } = scale;

    /// <summary>Real (or chain) unix seconds now.</summary>
    public long Now => time.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>Simulated unix seconds for real (or chain) unix seconds <paramref name="t"/>.</summary>
    public long ToSimulated(long t) => checked(Origin + (t - Origin) * Scale);

    /// <summary>Real seconds that cover one simulated hour (at least one).</summary>
    public long RealSecondsPerSimulatedHour => Math.Max(1, 3600 / Scale);
}
