using EnergyAuction.Chain;

namespace EnergyAuction.Operator.Clearing;

/// <summary>One on-chain order of a window with the feeder bus of its meter (from DataAccess).</summary>
public sealed record WindowOrder(ulong OrderId, OrderInfo Order, uint Bus)
{
    /// <summary>
    /// Whether the order takes part in the clearing: a valid offer or bid. An order already holding
    /// posted matches reads as Matched; an offer still waiting for its reading, a rejected and a
    /// cancelled order do not trade.
    /// </summary>
    public bool Trades => Order.Status is OrderStatus.Valid or OrderStatus.Matched;
}
