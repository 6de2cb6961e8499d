namespace EnergyAuction.Simulation;

/// <summary>A whole run under one market choice: each household's totals and each window's record.</summary>
public sealed record MechanismResult(MarketChoice Market, IReadOnlyList<HouseholdLedger> Households, IReadOnlyList<WindowRecord> Windows)
{
    /// <summary>Every window's book and settlement, kept only when asked for (tests check them).</summary>
    public IReadOnlyList<SettledBook> Books { get; init; } = [];

    /// <summary>Every window's orders, one-sided and empty books included, kept with <see cref="Books"/>.</summary>
    public IReadOnlyList<PlacedBook> Placed { get; init; } = [];
}
