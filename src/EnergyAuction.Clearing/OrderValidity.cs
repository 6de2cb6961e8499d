using EnergyAuction.Chain;

namespace EnergyAuction.Clearing;

/// <summary>Which orders of a window take part in its clearing: the valid offers and bids.</summary>
public static class OrderValidity
{
    /// <summary>
    /// During Matching, from the order's live status: Valid, or Matched once it holds posted matches. An offer still
    /// waiting for its reading, a rejected and a cancelled order do not trade.
    /// </summary>
    public static bool TradesInMatching(OrderInfo order) => order.Status is OrderStatus.Valid or OrderStatus.Matched;

    /// <summary>
    /// At any later time, when statuses read Settled or Refunded: a bid that was not cancelled; an offer that was neither
    /// cancelled nor rejected and, in a window that validates offers, holds an OfferValidated event (readings are only
    /// accepted while orders are taken, so a later one cannot have made an offer valid).
    /// </summary>
    /// <param name="orderId">The order's id.</param>
    /// <param name="order">The order as it reads now.</param>
    /// <param name="validatedOffers">Ids of offers with an OfferValidated event; null when the window does not validate offers.</param>
    public static bool TradedAtClearing(ulong orderId, OrderInfo order, IReadOnlySet<ulong>? validatedOffers) =>
        order.Status is not (OrderStatus.Cancelled or OrderStatus.Rejected or OrderStatus.None)
        && (order.Side == OrderSide.Bid || validatedOffers is null || validatedOffers.Contains(orderId));
}
