using EnergyAuction.Chain.Crypto;
using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;

namespace EnergyAuction.Chain;

/// <summary>Between Chain's records (the market's types) and the generated structs (the ABI's types).</summary>
internal static class GeneratedMapping
{
    public static ET.Match ToGenerated(this ChainMatch m) =>
        new() { OfferId = m.OfferId, BidId = m.BidId, EnergyWh = m.EnergyWh, DistanceM = m.DistanceM };

    public static ChainMatch FromGenerated(ET.Match m) => new(m.OfferId, m.BidId, m.EnergyWh, m.DistanceM);

    public static ET.WindowParams ToGenerated(this WindowParams p) => new()
    {
        BiddingDuration = p.BiddingDuration,
        MatchingDuration = p.MatchingDuration,
        TransferDuration = p.TransferDuration,
        SettlementDuration = p.SettlementDuration,
        GracePeriod = p.GracePeriod,
        MaxEnergyWh = p.MaxEnergyWh,
        ReferencePrice = p.ReferencePrice,
        GridCharge = p.GridCharge,
        MaxDistanceM = p.MaxDistanceM,
        PenaltyRate = p.PenaltyRate,
        Mechanism = (byte)p.Mechanism,
        ValidateOffers = p.ValidateOffers,
        OrderFee = p.OrderFee,
    };

    public static WindowParams ToParams(ET.WindowParams p) => new(p.BiddingDuration, p.MatchingDuration, p.TransferDuration,
        p.SettlementDuration, p.GracePeriod, p.MaxEnergyWh, p.ReferencePrice, p.GridCharge, p.MaxDistanceM, p.PenaltyRate,
        (Mechanism)p.Mechanism, p.ValidateOffers, p.OrderFee);

    public static WindowInfo ToInfo(ET.WindowView w) => new(ToParams(w.Params), (WindowPhase)w.Phase, w.BiddingDeadline,
        w.MatchingDeadline, w.TransferDeadline, w.SettlementDeadline, (ulong)w.OrderCount, (ulong)w.MatchCount,
        (ulong)w.UnsettledBids, w.Price, w.ResultHash, (ulong)w.ReleasedOrders);

    public static OrderInfo ToInfo(ET.OrderView o) => new((ulong)o.WindowId, ChainAddress.ToChecksum(o.Owner), o.MeterId,
        (OrderSide)o.Side, o.EnergyWh, o.Price, (OrderStatus)o.Status, o.MatchedWh, o.Deposit, o.MaxDistanceM);
}
