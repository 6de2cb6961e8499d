namespace EnergyAuction.Market;

/// <summary>Limits the contracts fix for every window, mirrored here so the engine never proposes what the chain refuses.</summary>
public static class MarketLimits
{
    /// <summary>
    /// The contract's MAX_MATCHES_PER_BID (docs/CONTRACTS.md): chosen so that one bid's settlement fits one transaction.
    /// A bid at the cap leaves the greedy pairing pass.
    /// </summary>
    public const int MaxMatchesPerBid = 128;
}
