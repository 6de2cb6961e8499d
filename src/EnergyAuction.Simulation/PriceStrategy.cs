namespace EnergyAuction.Simulation;

/// <summary>How households price their orders; every price lies between the feed-in and the retail tariff.</summary>
public enum PriceStrategy
{
    /// <summary>Each household bids or offers its own reservation price, drawn once per run.</summary>
    Truthful,

    /// <summary>Zero intelligence: a fresh uniform random price each window.</summary>
    Zi,

    /// <summary>The IOTA paper's aggressiveness adjustment, simplified: see <see cref="Aggressiveness"/>.</summary>
    Aggressive,
}
