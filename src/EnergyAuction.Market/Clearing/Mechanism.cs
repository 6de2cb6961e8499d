namespace EnergyAuction.Market.Clearing;

/// <summary>The clearing mechanisms of MARKET.md; the operator chooses one per window.</summary>
public enum Mechanism
{
    /// <summary>Demand-Prioritised Double Auction, the default.</summary>
    Dpda,

    /// <summary>Baseline McAfee double auction (thesis Algorithm 1).</summary>
    Mcafee,

    /// <summary>Uniform-price double auction with k = 1/2.</summary>
    Uniform,
}
