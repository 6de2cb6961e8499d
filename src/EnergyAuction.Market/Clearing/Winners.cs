namespace EnergyAuction.Market.Clearing;

/// <summary>Orders with a non-zero allocation, in priority order; an order cut to 0 is not a winner.</summary>
internal static class Winners
{
    public static Allocations Of(Order[] orders, long[] allocations)
    {
        var winners = new List<Allocation>(orders.Length);
        for (var k = 0; k < orders.Length; k++)
        {
            if (allocations[k] > 0)
                winners.Add(new Allocation(orders[k].Id, allocations[k]));
        }

        return new Allocations(winners);
    }
}
