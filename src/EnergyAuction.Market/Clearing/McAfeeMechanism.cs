namespace EnergyAuction.Market.Clearing;

/// <summary>MARKET.md mechanism `mcafee`: McAfee winners, then the marginal cut.</summary>
public sealed class McAfeeMechanism : IClearingMechanism
{
    public Mechanism Mechanism => Mechanism.Mcafee;

    public ClearingResult Clear(OrderBook book)
    {
        var sorted = new SortedBook(book);
        if (Crossing.Find(sorted) is not { } crossing)
            return ClearingResult.NoTrade;
        var winners = McAfeeWinners.Select(sorted, crossing);
        return MarginalCut.Apply(sorted.Offers[..winners.OfferCount], sorted.Bids[..winners.BidCount], winners.Price);
    }
}
