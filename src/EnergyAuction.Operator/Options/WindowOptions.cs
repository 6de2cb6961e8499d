using System.Numerics;

namespace EnergyAuction.Operator.Options;

/// <summary>
/// Parameters of each window the daemon opens (ARCHITECTURE.md, MARKET.md "Settlement"). Prices
/// are decimal text in wei so that values beyond 64 bits bind from any configuration source.
/// </summary>
public sealed class WindowOptions
{
    /// <summary>Length of BiddingOffering, seconds of chain time.</summary>
    public long BiddingSeconds { get; set; } = 600;

    /// <summary>Length of Matching.</summary>
    public long MatchingSeconds { get; set; } = 120;

    /// <summary>Length of EnergyTransfer.</summary>
    public long TransferSeconds { get; set; } = 3600;

    /// <summary>Length of Settlement.</summary>
    public long SettlementSeconds { get; set; } = 180;

    /// <summary>How long after the matching deadline anyone may cancel the window if the operator has not posted its clearing.</summary>
    public long GraceSeconds { get; set; } = 300;

    /// <summary>Largest offer or bid, in Wh.</summary>
    public long MaxEnergyWh { get; set; } = 100_000;

    /// <summary>Reference price, wei per kWh.</summary>
    public string ReferencePrice { get; set; } = "50000000000000";

    /// <summary>Grid charge C_d, wei per kWh per km.</summary>
    public string GridCharge { get; set; } = "1000000000000";

    /// <summary>Maximum feeder distance L, metres; null means the largest distance between two load buses of the feeder.</summary>
    public long? MaxDistanceMetres { get; set; }

    /// <summary>Penalty rate, wei per kWh undelivered; at least <see cref="MinPenaltyRate"/>.</summary>
    public string PenaltyRate { get; set; } = "10000000000000";

    /// <summary>EnergyTrade.MIN_PENALTY_RATE (1,000 wei per kWh: one undelivered Wh costs at least 1 wei): openWindow refuses a smaller penalty rate.</summary>
    public static readonly BigInteger MinPenaltyRate = 1_000;

    /// <summary>Order fee f, wei per order (MARKET.md "Deposits"): paid on top of every deposit, never refunded, credited
    /// to the operator. Small but not zero (1,000 gwei, about 1% of a 2 kWh trade at the reference price): it pays for the
    /// oracle requests an order causes and makes a pair of colluding orders that moves the price cost 2f.</summary>
    public string OrderFee { get; set; } = "1000000000000";

    /// <summary>WindowBounds.MAX_ORDER_FEE: openWindow refuses a larger order fee.</summary>
    public static readonly BigInteger MaxOrderFee = BigInteger.Pow(10, 16);

    /// <summary>Clearing mechanism: dpda, mcafee or uniform.</summary>
    public string Mechanism { get; set; } = "dpda";

    /// <summary>Whether offers are checked against the seller's battery reading by the oracle.</summary>
    public bool ValidateOffers { get; set; } = true;
}
