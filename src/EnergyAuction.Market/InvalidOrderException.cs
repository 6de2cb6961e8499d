namespace EnergyAuction.Market;

/// <summary>An order that breaks MARKET.md "Orders"; names the order and the field.</summary>
public sealed class InvalidOrderException(OrderSide side, int index, string? orderId, string field, string problem)
    : Exception($"{(side == OrderSide.Offer ? "offer" : "bid")} #{index}{(orderId is null ? "" : $" (id \"{orderId}\")")}: {field} {problem}")
{
    public OrderSide Side { get; } = side;

    /// <summary>Zero-based position of the order in its side's list as given.</summary>
    public int Index { get; } = index;

    public string? OrderId { get; } = orderId;

    public string Field { get; } = field;
}
