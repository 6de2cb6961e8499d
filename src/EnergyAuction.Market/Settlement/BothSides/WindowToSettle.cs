using System.Numerics;
using EnergyAuction.Market.Pairing;

namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// Everything a window's settlement depends on: parameters, clearing price p0 (wei per kWh), every order of the window
/// (unmatched ones too: they get their deposit back and still pay the order fee), the matches in posted order with
/// their distances, and the meter readings by order id (a seller's export X_s, a buyer's import R_b; null or absent
/// is a missing reading).
/// </summary>
public sealed record WindowToSettle(
    SettlementParameters Parameters,
    BigInteger Price,
    IReadOnlyList<SettlementOffer> Offers,
    IReadOnlyList<SettlementBid> Bids,
    IReadOnlyList<PairedMatch> Matches,
    IReadOnlyDictionary<string, long?> Readings);
