namespace EnergyAuction.Market.Pairing;

/// <summary>An order left out of a window's book by MARKET.md "Pairing", and why; <see cref="Round"/> counts clearings before it (0 = before the first).</summary>
public sealed record RemovedOrder(string Id, OrderSide Side, RemovalReason Reason, int Round);

public enum RemovalReason
{
    /// <summary>No order of the other side within L and of another owner is left in the book.</summary>
    Unreachable,

    /// <summary>A winner the greedy pass left with energy it could not place, the one of least surplus.</summary>
    Unplaced,
}
