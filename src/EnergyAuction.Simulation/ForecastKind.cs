namespace EnergyAuction.Simulation;

/// <summary>How a household foresees its next window's load and generation.</summary>
public enum ForecastKind
{
    /// <summary>The forecast is the actual reading.</summary>
    Perfect,

    /// <summary>Load and PV each off by a seeded error of up to <see cref="ScenarioOptions.NoisePercent"/> percent.</summary>
    Noisy,
}
