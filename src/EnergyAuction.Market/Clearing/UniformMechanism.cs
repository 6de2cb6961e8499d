namespace EnergyAuction.Market.Clearing;

/// <summary>
/// MARKET.md mechanism `uniform` (k = 1/2): B_1..B_x and S_1..S_y at floor((P(S_y) + P(B_x)) / 2),
/// then the marginal cut.
/// </summary>
public sealed class UniformMechanism : IClearingMechanism
{
    public Mechanism Mechanism => Mechanism.Uniform;

    public ClearingResult Clear(OrderBook book)
    {
        var sorted = new SortedBook(book);
        if (Crossing.Find(sorted) is not { } crossing)
            return ClearingResult.NoTrade;
        var (x, y) = crossing;
        var price = MidpointPrice.Of(sorted.Offers[y - 1].Price, sorted.Bids[x - 1].Price);
        return MarginalCut.Apply(sorted.Offers[..y], sorted.Bids[..x], price);
    }
}
