namespace EnergyAuction.Market.Clearing;

/// <summary>
/// MARKET.md "Crossing (x, y)": the 1-based indexes of the bid B_x and offer S_y that hold the
/// last unit of energy at which the bid's price still covers the offer's.
/// </summary>
internal readonly record struct Crossing(int X, int Y)
{
    /// <summary>Two-pointer walk of both step curves in quantity space; null when nothing trades.</summary>
    public static Crossing? Find(SortedBook book)
    {
        var offers = book.Offers;
        var bids = book.Bids;
        if (offers.Length == 0 || bids.Length == 0)
            return null;

        int i = 0, j = 0;
        Int128 cumulativeOffers = offers[0].EnergyWh, cumulativeBids = bids[0].EnergyWh;
        Crossing? crossing = null;
        // Each step is one segment of units served by the same (B_j, S_i); energies are > 0, so never empty.
        while (bids[j].Price >= offers[i].Price)
        {
            crossing = new Crossing(j + 1, i + 1);
            var offerEnds = cumulativeOffers <= cumulativeBids;
            var bidEnds = cumulativeBids <= cumulativeOffers;
            if (offerEnds && ++i == offers.Length)
                break;
            if (bidEnds && ++j == bids.Length)
                break;
            if (offerEnds)
                cumulativeOffers += offers[i].EnergyWh;
            if (bidEnds)
                cumulativeBids += bids[j].EnergyWh;
        }

        return crossing;
    }
}
