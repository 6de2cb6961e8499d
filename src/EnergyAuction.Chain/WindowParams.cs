using System.Numerics;

namespace EnergyAuction.Chain;

/// <summary>IEnergyTrade.WindowParams: durations in seconds, energy in Wh, prices in wei per kWh, grid charge in
/// wei per kWh per km, penalty in wei per undelivered kWh, distance in metres, order fee in wei per order (paid on top
/// of every deposit, never refunded, credited to the operator that opened the window).</summary>
public sealed record WindowParams(
    uint BiddingDuration,
    uint MatchingDuration,
    uint TransferDuration,
    uint SettlementDuration,
    uint GracePeriod,
    ulong MaxEnergyWh,
    BigInteger ReferencePrice,
    BigInteger GridCharge,
    uint MaxDistanceM,
    BigInteger PenaltyRate,
    Mechanism Mechanism,
    bool ValidateOffers,
    BigInteger OrderFee = default)
{
    /// <summary>Short phases for tests and demos (a minute of bidding, half a minute for the rest), prices around
    /// 0.125 gwei per Wh; chain time is moved on with evm_increaseTime rather than waited for.</summary>
    public static WindowParams ForTests(bool validateOffers = false, Mechanism mechanism = Mechanism.Dpda, long orderFee = 0) => new(
        BiddingDuration: 60,
        MatchingDuration: 30,
        TransferDuration: 30,
        SettlementDuration: 30,
        GracePeriod: 30,
        MaxEnergyWh: 50_000,
        ReferencePrice: 200_000_000_000,
        GridCharge: 1_000_000_000,
        MaxDistanceM: 5_000,
        PenaltyRate: 50_000_000_000,
        Mechanism: mechanism,
        ValidateOffers: validateOffers,
        OrderFee: orderFee);
}
