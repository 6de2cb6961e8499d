using EnergyAuction.Market.Clearing;

namespace EnergyAuction.Simulation;

/// <summary>What a simulated window trades through: no local market (grid-only) or one of the engine's mechanisms.</summary>
public sealed record MarketChoice(string Name, Mechanism? Mechanism)
{
    /// <summary>No local market: every household buys at retail and sells at feed-in.</summary>
    public static MarketChoice GridOnly { get; } = new("grid-only", null);

    /// <summary>Grid-only first (the baseline), then dpda, mcafee and uniform.</summary>
    public static IReadOnlyList<MarketChoice> All { get; } =
    [
        GridOnly,
        new("dpda", Market.Clearing.Mechanism.Dpda),
        new("mcafee", Market.Clearing.Mechanism.Mcafee),
        new("uniform", Market.Clearing.Mechanism.Uniform),
    ];
}
