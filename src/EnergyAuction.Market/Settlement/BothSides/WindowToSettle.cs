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
    IReadOnlyDictionary<string, long?> Readings)
{
    /// <summary>
    /// The settlement input of a window cleared and paired by <see cref="WindowPairing.ClearAndPair"/>: every order of
    /// <paramref name="book"/> (removed and losing orders with allocation 0), the allocations and matches of
    /// <paramref name="paired"/>, and the readings given. A window with no trade settles at price 0.
    /// </summary>
    public static WindowToSettle Of(SettlementParameters parameters, WindowBook book, PairedWindow paired, IReadOnlyDictionary<string, long?> readings)
    {
        var clearing = paired.Clearing;
        return new WindowToSettle(parameters, paired.Price ?? BigInteger.Zero,
            [.. book.Offers.Select(o => new SettlementOffer(o.Id, o.EnergyWh, clearing.OfferAllocations.GetValueOrDefault(o.Id)))],
            [.. book.Bids.Select(b => new SettlementBid(b.Id, b.EnergyWh, b.Price, clearing.BidAllocations.GetValueOrDefault(b.Id)))],
            paired.Matches, readings);
    }
}
