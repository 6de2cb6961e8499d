using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;

namespace EnergyAuction.Demo;

/// <summary>
/// The demo window's parameters, one source for `energy window open` and for the load run. The demo moves chain time
/// past a deadline as soon as everyone has acted (accelerated phases), so phases only need to be long enough in chain
/// time for what happens inside them: Hardhat gives every block its own second, so a phase that takes N transactions
/// needs at least N chain seconds, and the phases grow with the number of households. The transfer interval is eight
/// chain minutes, which the HEMS (60 simulated seconds per chain second) replays as eight hours of household data, so
/// the consumers' demand is of the size of the prosumers' batteries.
/// </summary>
public sealed record WindowTerms(uint BiddingSeconds, uint MatchingSeconds, uint TransferSeconds, uint SettlementSeconds, uint GraceSeconds)
{
    /// <summary>Grid charge C_d: 20,000 gwei per kWh per km, so fees show next to 50,000 gwei/kWh prices.</summary>
    public static readonly BigInteger GridCharge = 20_000 * OrderPricing.Gwei;

    /// <summary>Penalty π per kWh not delivered (seller to buyer) or not taken (buyer to seller).</summary>
    public static readonly BigInteger PenaltyRate = 10_000 * OrderPricing.Gwei;

    /// <summary>Longest feeder distance of a match: the IEEE feeder's farthest two loads are about 590 m apart.</summary>
    public const uint MaxDistanceMetres = 600;

    public const ulong MaxEnergyWh = 100_000;

    /// <summary>Order fee f: 1,000 gwei per order, the operator daemon's and `energy window open`'s default, 2 % of a kWh at
    /// the reference price. It is the operator's income for the oracle requests each order causes (docs/DEMO.md says why
    /// it is not pegged to their LINK) and the price of a colluding pair's orders; the money check counts it.</summary>
    public static readonly BigInteger OrderFee = 1_000 * OrderPricing.Gwei;

    /// <summary>Phases for <paramref name="households"/> households: each order, oracle reading and clearing batch is a block.</summary>
    public static WindowTerms For(int households) => new(
        BiddingSeconds: (uint)Math.Max(120, 3 * households),
        MatchingSeconds: (uint)Math.Max(60, households),
        TransferSeconds: 480,
        SettlementSeconds: (uint)Math.Max(120, 3 * households),
        GraceSeconds: 300);

    /// <summary>The `energy window open` arguments (without the sender).</summary>
    public string[] OpenArguments() =>
    [
        "window", "open", "--bidding", Seconds(BiddingSeconds), "--matching", Seconds(MatchingSeconds), "--transfer", Seconds(TransferSeconds),
        "--settlement", Seconds(SettlementSeconds), "--grace", Seconds(GraceSeconds), "--max-energy", $"{MaxEnergyWh}Wh",
        "--reference-price", Gwei(OrderPricing.ReferencePrice), "--grid-charge", Gwei(GridCharge), "--penalty-rate", Gwei(PenaltyRate),
        "--max-distance", MaxDistanceMetres.ToString(CultureInfo.InvariantCulture), "--order-fee", Gwei(OrderFee), "--mechanism", "dpda", "--validate-offers",
    ];

    /// <summary>The same window as the contract takes it.</summary>
    public WindowParams Params() => new(BiddingSeconds, MatchingSeconds, TransferSeconds, SettlementSeconds, GraceSeconds,
        MaxEnergyWh, OrderPricing.ReferencePrice, GridCharge, MaxDistanceMetres, PenaltyRate, Mechanism.Dpda, ValidateOffers: true, OrderFee);

    /// <summary>A price as the CLI takes it, e.g. "50000gwei".</summary>
    public static string Gwei(BigInteger wei) => $"{wei / OrderPricing.Gwei}gwei";

    private static string Seconds(uint seconds) => $"{seconds}s";
}
