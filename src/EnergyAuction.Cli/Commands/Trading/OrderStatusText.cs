using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>Order statuses in the words `energy orders` prints (and --json uses).</summary>
public static class OrderStatusText
{
    public static string Code(OrderStatus status) => status switch
    {
        OrderStatus.PendingValidation => "pending-validation",
        OrderStatus.Valid => "valid",
        OrderStatus.Rejected => "rejected",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.Matched => "matched",
        OrderStatus.Settled => "settled",
        OrderStatus.Refunded => "refunded",
        _ => "unknown",
    };
}
