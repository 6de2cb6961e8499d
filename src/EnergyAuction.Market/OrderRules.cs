namespace EnergyAuction.Market;

/// <summary>
/// MARKET.md "Orders": energy &gt; 0, price &gt;= 0, and within a side ids and seqs are unique
/// (seq breaks every tie, so a repeated seq would make clearing depend on listing order).
/// </summary>
public static class OrderRules
{
    /// <exception cref="InvalidOrderException">The first order that breaks a rule.</exception>
    public static void Validate(OrderBook book)
    {
        ValidateSide(OrderSide.Offer, book.Offers);
        ValidateSide(OrderSide.Bid, book.Bids);
    }

    private static void ValidateSide(OrderSide side, IReadOnlyList<Order> orders)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var seqs = new HashSet<long>();
        for (var i = 0; i < orders.Count; i++)
        {
            var order = orders[i];
            if (string.IsNullOrEmpty(order.Id))
                throw new InvalidOrderException(side, i, null, "id", "must be a non-empty string");
            if (order.EnergyWh <= 0)
                throw new InvalidOrderException(side, i, order.Id, "energy", $"must be a positive number of Wh, got {order.EnergyWh}");
            if (order.Price.Sign < 0)
                throw new InvalidOrderException(side, i, order.Id, "price", $"must not be negative, got {order.Price}");
            if (order.Seq < 0)
                throw new InvalidOrderException(side, i, order.Id, "seq", $"must not be negative, got {order.Seq}");
            if (!ids.Add(order.Id))
                throw new InvalidOrderException(side, i, order.Id, "id", "is a duplicate");
            if (!seqs.Add(order.Seq))
                throw new InvalidOrderException(side, i, order.Id, "seq", $"{order.Seq} is a duplicate");
        }
    }
}
