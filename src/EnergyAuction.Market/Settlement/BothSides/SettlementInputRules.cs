namespace EnergyAuction.Market.Settlement.BothSides;

/// <summary>
/// What a window to settle must satisfy (MARKET.md "Settlement" and "energy market settle"): no negative numbers;
/// order ids unique across both sides; energy &gt; 0 and allocation &lt;= energy; every match names a known offer
/// and bid, has energy &gt; 0 and a feasible distance (d &lt;= L, C_d * d &lt;= 2000 * p0) at a price the bid
/// accepts (p0 &lt;= P_b); each order's allocation equals the sum of its matches; every reading names an order.
/// These are what keep every refund non-negative.
/// </summary>
public static class SettlementInputRules
{
    /// <exception cref="SettlementInputException">The first item that breaks a rule, named.</exception>
    public static void Validate(WindowToSettle window)
    {
        var p = window.Parameters;
        NotNegative("params.gridCharge", p.GridCharge.Sign);
        NotNegative("params.maxDistance", Math.Sign(p.MaxDistanceM));
        NotNegative("params.penaltyRate", p.PenaltyRate.Sign);
        NotNegative("params.orderFee", p.OrderFee.Sign);
        NotNegative("price", window.Price.Sign);

        var matched = new Dictionary<string, Int128>(StringComparer.Ordinal);
        var sides = new Dictionary<string, OrderSide>(StringComparer.Ordinal);
        for (var i = 0; i < window.Offers.Count; i++)
        {
            var o = window.Offers[i];
            var item = OrderItem("offer", i, o.Id);
            CheckOrder(item, o.Id, o.EnergyWh, o.AllocationWh, OrderSide.Offer, sides);
        }

        for (var i = 0; i < window.Bids.Count; i++)
        {
            var b = window.Bids[i];
            var item = OrderItem("bid", i, b.Id);
            CheckOrder(item, b.Id, b.EnergyWh, b.AllocationWh, OrderSide.Bid, sides);
            NotNegative($"{item}: price", b.Price.Sign);
        }

        var bidPrice = window.Bids.ToDictionary(b => b.Id, b => b.Price, StringComparer.Ordinal);
        for (var i = 0; i < window.Matches.Count; i++)
        {
            var m = window.Matches[i];
            var item = $"match #{i} (offer \"{m.OfferId}\" -> bid \"{m.BidId}\")";
            if (!sides.TryGetValue(m.OfferId, out var offerSide) || offerSide != OrderSide.Offer)
                throw new SettlementInputException(item, $"names offer \"{m.OfferId}\", which is not an offer of the window");
            if (!sides.TryGetValue(m.BidId, out var bidSide) || bidSide != OrderSide.Bid)
                throw new SettlementInputException(item, $"names bid \"{m.BidId}\", which is not a bid of the window");
            if (m.EnergyWh <= 0)
                throw new SettlementInputException(item, $"energy must be a positive number of Wh, got {m.EnergyWh}");
            if (m.DistanceM < 0)
                throw new SettlementInputException(item, $"distance must not be negative, got {m.DistanceM}");
            if (m.DistanceM > p.MaxDistanceM)
                throw new SettlementInputException(item, $"distance {m.DistanceM} m is beyond the window's maximum distance {p.MaxDistanceM} m");
            if (p.GridCharge * m.DistanceM > 2000 * window.Price)
                throw new SettlementInputException(item, $"the seller's fee half over {m.DistanceM} m exceeds the price {window.Price} wei/kWh");
            if (bidPrice[m.BidId] < window.Price)
                throw new SettlementInputException(item, $"the bid's price {bidPrice[m.BidId]} is below the clearing price {window.Price}");
            matched[m.OfferId] = matched.GetValueOrDefault(m.OfferId) + m.EnergyWh;
            matched[m.BidId] = matched.GetValueOrDefault(m.BidId) + m.EnergyWh;
        }

        for (var i = 0; i < window.Offers.Count; i++)
            CheckAllocation(OrderItem("offer", i, window.Offers[i].Id), window.Offers[i].AllocationWh, matched.GetValueOrDefault(window.Offers[i].Id));
        for (var i = 0; i < window.Bids.Count; i++)
            CheckAllocation(OrderItem("bid", i, window.Bids[i].Id), window.Bids[i].AllocationWh, matched.GetValueOrDefault(window.Bids[i].Id));

        foreach (var (id, reading) in window.Readings)
        {
            if (!sides.ContainsKey(id))
                throw new SettlementInputException($"reading \"{id}\"", "names no order of the window");
            if (reading < 0)
                throw new SettlementInputException($"reading \"{id}\"", $"must not be negative, got {reading}");
        }
    }

    private static string OrderItem(string side, int index, string? id) =>
        string.IsNullOrEmpty(id) ? $"{side} #{index}" : $"{side} #{index} (id \"{id}\")";

    private static void CheckOrder(string item, string? id, long energyWh, long allocationWh, OrderSide side, Dictionary<string, OrderSide> sides)
    {
        if (string.IsNullOrEmpty(id))
            throw new SettlementInputException(item, "id must be a non-empty string");
        if (!sides.TryAdd(id, side))
            throw new SettlementInputException(item, "id is a duplicate (ids are unique across offers and bids)");
        if (energyWh <= 0)
            throw new SettlementInputException(item, $"energy must be a positive number of Wh, got {energyWh}");
        if (allocationWh < 0)
            throw new SettlementInputException(item, $"allocation must not be negative, got {allocationWh}");
        if (allocationWh > energyWh)
            throw new SettlementInputException(item, $"allocation {allocationWh} Wh exceeds its energy {energyWh} Wh");
    }

    private static void CheckAllocation(string item, long allocationWh, Int128 matchedWh)
    {
        if (allocationWh != matchedWh)
            throw new SettlementInputException(item, $"allocation {allocationWh} Wh differs from the sum of its matches, {matchedWh} Wh");
    }

    private static void NotNegative(string item, int sign)
    {
        if (sign < 0)
            throw new SettlementInputException(item, "must not be negative");
    }
}
