namespace EnergyAuction.Market.Clearing;

/// <summary>
/// MARKET.md mechanism `dpda` (Demand-Prioritised Double Auction): McAfee winners (after trade
/// reduction S_y rejoins if supply falls short), demand priority, then water-filling curtailment.
/// Every winning bid is filled completely.
/// </summary>
public sealed class DpdaMechanism : IClearingMechanism
{
    public Mechanism Mechanism => Mechanism.Dpda;

    public ClearingResult Clear(OrderBook book)
    {
        var sorted = new SortedBook(book);
        if (Crossing.Find(sorted) is not { } crossing)
            return ClearingResult.NoTrade;

        var winners = McAfeeWinners.Select(sorted, crossing);
        var bids = sorted.Bids[..winners.BidCount];
        var offers = sorted.Offers[..winners.OfferCount];
        if (!winners.TestPassed && TotalWh(offers) < TotalWh(bids))
            offers = sorted.Offers[..(winners.OfferCount + 1)];

        var supply = TotalWh(offers);
        bids = bids[..DemandPriority.KeptBidCount(bids, supply)];
        if (bids.Length == 0)
            return ClearingResult.NoTrade;

        var offerAllocations = offers.Select(o => o.EnergyWh).ToArray();
        WaterFillingCurtailment.Apply(offerAllocations, supply - TotalWh(bids));
        return new ClearingResult(
            winners.Price,
            Winners.Of(offers, offerAllocations),
            Winners.Of(bids, bids.Select(b => b.EnergyWh).ToArray()));
    }

    private static Int128 TotalWh(Order[] orders) => orders.Aggregate(Int128.Zero, (sum, o) => sum + o.EnergyWh);
}
