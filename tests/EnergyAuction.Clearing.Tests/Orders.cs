using System.Numerics;
using EnergyAuction.Chain;

namespace EnergyAuction.Clearing.Tests;

/// <summary>Orders as the chain returns them, and MARKET.md's thesis vector as a window's book.</summary>
internal static class Orders
{
    public static OrderInfo Info(ulong id, OrderSide side, ulong wh, long price, OrderStatus status = OrderStatus.Valid) =>
        new(1, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", MeterId.ToBytes32($"M-{id}"), side, wh, new BigInteger(price), status, 0, 0);

    /// <summary>An order whose meter belongs to a household of its own (owner 0x…id), unless <paramref name="owner"/> is given.</summary>
    public static WindowOrder Order(ulong id, OrderSide side, ulong wh, long price, uint bus, string? owner = null) =>
        new(id, Info(id, side, wh, price), bus, owner ?? $"0x{id:x40}");

    // The thesis vector of MARKET.md (on-chain ids in seq order), buses along the fallback feeder's trunk.
    public static List<WindowOrder> ThesisBook() =>
    [
        Order(1, OrderSide.Offer, 30000, 20000, 1), Order(2, OrderSide.Offer, 25000, 10000, 2), Order(3, OrderSide.Offer, 18000, 16000, 3),
        Order(4, OrderSide.Offer, 40000, 5000, 4), Order(5, OrderSide.Offer, 50000, 16000, 5), Order(6, OrderSide.Offer, 21000, 25000, 6),
        Order(7, OrderSide.Offer, 14000, 7000, 7), Order(8, OrderSide.Offer, 70000, 2000, 8),
        Order(9, OrderSide.Bid, 20000, 17000, 9), Order(10, OrderSide.Bid, 16000, 28000, 10), Order(11, OrderSide.Bid, 50000, 6000, 1),
        Order(12, OrderSide.Bid, 70000, 30000, 2), Order(13, OrderSide.Bid, 24000, 8000, 3), Order(14, OrderSide.Bid, 19000, 15000, 4),
        Order(15, OrderSide.Bid, 60000, 23000, 5),
    ];
}
