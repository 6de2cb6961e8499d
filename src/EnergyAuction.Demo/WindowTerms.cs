using System.Numerics;

namespace EnergyAuction.Demo;

/// <summary>
/// The demo window's parameters, as `energy window open` is given them. Phases are short in chain seconds and the demo
/// moves chain time past a deadline as soon as everyone has acted (accelerated phases); the transfer interval is eight
/// chain minutes, which the HEMS (60 simulated seconds per chain second) replays as eight hours of household data, so
/// the consumers' demand is of the size of the prosumers' batteries.
/// </summary>
public static class WindowTerms
{
    public const string Bidding = "120s";
    public const string Matching = "60s";
    public const string Transfer = "480s";
    public const string Settlement = "120s";
    public const string Grace = "300s";

    /// <summary>Grid charge C_d: 20,000 gwei per kWh per km, so fees show next to 50,000 gwei/kWh prices.</summary>
    public static readonly BigInteger GridCharge = 20_000 * OrderPricing.Gwei;

    /// <summary>Penalty π per undelivered kWh, paid from the seller's collateral to the buyer.</summary>
    public static readonly BigInteger PenaltyRate = 10_000 * OrderPricing.Gwei;

    /// <summary>Longest feeder distance of a match: the IEEE feeder's farthest two loads are about 590 m apart.</summary>
    public const string MaxDistanceMetres = "600";

    /// <summary>MARKET.md cost(E, π): the collateral a seller posts for E Wh, and what a match of E Wh ties up of it.</summary>
    public static BigInteger PenaltyCollateral(long wh) => wh * PenaltyRate / 1000;

    /// <summary>The `energy window open` arguments (without the sender).</summary>
    public static string[] OpenArguments(string feeRecipient) =>
    [
        "window", "open", "--bidding", Bidding, "--matching", Matching, "--transfer", Transfer, "--settlement", Settlement, "--grace", Grace,
        "--reference-price", Gwei(OrderPricing.ReferencePrice), "--grid-charge", Gwei(GridCharge), "--penalty-rate", Gwei(PenaltyRate),
        "--max-distance", MaxDistanceMetres, "--fee-recipient", feeRecipient, "--mechanism", "dpda", "--validate-offers",
    ];

    /// <summary>A price as the CLI takes it, e.g. "50000gwei".</summary>
    public static string Gwei(BigInteger wei) => $"{wei / OrderPricing.Gwei}gwei";
}
