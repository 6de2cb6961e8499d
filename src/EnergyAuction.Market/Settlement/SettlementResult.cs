using System.Numerics;

namespace EnergyAuction.Market.Settlement;

/// <summary>One match after delivery; all money in wei.</summary>
/// <param name="SellerFee">floor(Fee / 2), borne by the seller.</param>
/// <param name="BuyerFee">Fee - SellerFee, paid by the buyer.</param>
/// <param name="SellerReceives">cost(d, p0) - SellerFee + cost(E, π) - Penalty.</param>
/// <param name="BuyerPays">cost(d, p0) + BuyerFee, out of the bid's escrow.</param>
/// <param name="Penalty">cost(E - d, π), from the seller's collateral to the buyer.</param>
public sealed record MatchSettlement(
    string OfferId,
    string BidId,
    long EnergyWh,
    long DistanceM,
    long DeliveredWh,
    BigInteger Fee,
    BigInteger SellerFee,
    BigInteger BuyerFee,
    BigInteger SellerReceives,
    BigInteger BuyerPays,
    BigInteger Penalty);

/// <summary>An offer's account: collateral in, and everything paid out at close (incl. unused collateral).</summary>
/// <param name="CollateralBack">cost(E_s, π) - sum over matches of cost(E_m, π): returned untouched.</param>
/// <param name="Payout">Sum of the matches' SellerReceives plus CollateralBack.</param>
public sealed record OfferAccount(string OfferId, BigInteger Collateral, BigInteger CollateralBack, BigInteger Payout);

/// <summary>A bid's account: escrow in, what it paid, the refund of the rest, and penalties it receives.</summary>
/// <param name="Paid">Sum of its matches' BuyerPays, capped at the escrow.</param>
/// <param name="Refund">Escrow - Paid.</param>
/// <param name="FeeForgone">Wei by which the matches' BuyerPays exceeded the escrow (rounding of fee halves when
/// P(b) = p0); the fee recipient forgoes them, exactly as EnergyTrade does.</param>
public sealed record BidAccount(string BidId, BigInteger Escrow, long DeliveredWh, BigInteger Paid, BigInteger Refund, BigInteger Penalties, BigInteger FeeForgone);

/// <summary>The settlement of one window.</summary>
public sealed record SettlementResult(
    IReadOnlyList<MatchSettlement> Matches,
    IReadOnlyList<OfferAccount> Offers,
    IReadOnlyList<BidAccount> Bids)
{
    /// <summary>Total paid to the fee recipient (the DSO): the matches' fees less what it forgoes at capped escrows.</summary>
    public BigInteger Fees => Sum(Matches.Select(m => m.Fee)) - Sum(Bids.Select(b => b.FeeForgone));

    public BigInteger Penalties => Sum(Matches.Select(m => m.Penalty));

    /// <summary>Escrow plus collateral paid in.</summary>
    public BigInteger MoneyIn => Sum(Bids.Select(b => b.Escrow)) + Sum(Offers.Select(o => o.Collateral));

    /// <summary>Seller payouts (incl. collateral back) + buyer refunds + penalties + fees.</summary>
    public BigInteger MoneyOut =>
        Sum(Offers.Select(o => o.Payout)) + Sum(Bids.Select(b => b.Refund)) + Penalties + Fees;

    private static BigInteger Sum(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, (a, b) => a + b);
}
