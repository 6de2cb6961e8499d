using System.Numerics;

namespace EnergyAuction.Simulation.OnChain;

/// <summary>The off-chain simulation's ledger, window by window: what each household's window added to its
/// <see cref="HouseholdLedger"/> in the local market (the grid's share never touches the chain): its matches' money
/// and, for every order it placed, the order fee.</summary>
public static class ExpectedMoney
{
    /// <summary>The first <paramref name="windows"/> windows of <paramref name="result"/>, which was run with its books kept.</summary>
    public static IReadOnlyList<WindowMoney> Of(MechanismResult result, IReadOnlyList<Household> households, int windows, BigInteger orderFee)
    {
        var settled = result.Books.ToDictionary(b => b.Window);
        var placed = result.Placed.ToDictionary(b => b.Window);
        var money = new List<WindowMoney>(windows);
        for (var w = 0; w < windows; w++)
        {
            var net = households.ToDictionary(h => h.Id, _ => BigInteger.Zero, StringComparer.Ordinal);
            var dso = BigInteger.Zero;
            var matches = 0;
            if (placed.TryGetValue(w, out var orders))
            {
                foreach (var order in orders.Book.Offers.Concat(orders.Book.Bids))
                    net[order.Id] -= orderFee;
            }
            if (settled.TryGetValue(w, out var book))
            {
                foreach (var m in book.Settled.Matches)
                {
                    net[m.BidId] += m.SellerPenalty - m.Payment - m.FeeHalf - m.BuyerPenalty;
                    net[m.OfferId] += m.Payment + m.BuyerPenalty - m.FeeHalf - m.SellerPenalty;
                }
                dso = book.Settled.Dso;
                matches = book.Settled.Matches.Count;
            }
            money.Add(new WindowMoney(result.Market.Name, w, net, dso, matches));
        }
        return money;
    }
}
