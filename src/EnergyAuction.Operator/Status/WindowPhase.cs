namespace EnergyAuction.Operator.Status;

/// <summary>The phases of a trading window, in the order the daemon drives them (ARCHITECTURE.md).</summary>
public enum WindowPhase
{
    /// <summary>Prosumers place offers and bids.</summary>
    BiddingOffering,

    /// <summary>The operator posts the clearing result and finalises it.</summary>
    Matching,

    /// <summary>Energy flows; nothing is written.</summary>
    EnergyTransfer,

    /// <summary>Delivery readings arrive; payouts, refunds, fees and penalties.</summary>
    Settlement,

    /// <summary>Everyone withdraws.</summary>
    Closed,

    /// <summary>Cancelled for liveness; every escrow and collateral is withdrawable.</summary>
    Cancelled,
}
