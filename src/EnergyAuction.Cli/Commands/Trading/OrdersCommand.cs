using System.CommandLine;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>`energy orders [--window N]`: my orders and where each stands (pending validation, valid, rejected and why,
/// matched, settled, ...).</summary>
public static class OrdersCommand
{
    public static Command Build(CliContext context) => MyOrdersListing.Build(context, "orders",
        "List your orders with their status\n\nExample:\n  energy orders --from home --json", "Only orders of this window",
        async (market, orders, output) =>
        {
            var reasons = new Dictionary<ulong, string>();
            foreach (var rejected in orders.Where(o => o.Info.Status == OrderStatus.Rejected))
            {
                var events = await market.Trade.GetEventsAsync<OfferRejectedEvent>(market.Deployment.Block, null, rejected.OrderId);
                if (events.Count > 0)
                    reasons[rejected.OrderId] = Reason(events[0].Event);
            }

            Print(output, orders, reasons);
        });

    // What the battery check compared (MARKET.md): the offer against the reading less what the meter owes other windows.
    private static string Reason(OfferRejectedEvent e)
    {
        var reason = $"offered {Amounts.FormatEnergy((long)e.RequestedWh)} but the battery holds {Amounts.FormatEnergy((long)e.AvailableWh)}";
        return e.CommittedWh > 0 ? $"{reason}, {Amounts.FormatEnergy((long)e.CommittedWh)} of it committed to other windows" : reason;
    }

    private static void Print(CommandOutput output, IReadOnlyList<MyOrders.Placed> orders, Dictionary<ulong, string> reasons)
    {
        if (output.Json)
        {
            output.WriteJson(json =>
            {
                json.WriteStartArray();
                foreach (var (id, o) in orders)
                {
                    json.WriteStartObject();
                    json.WriteNumber("order", id);
                    json.WriteNumber("window", o.WindowId);
                    json.WriteString("side", o.Side == OrderSide.Offer ? "offer" : "bid");
                    json.WriteString("meter", o.Meter);
                    json.WriteNumber("energyWh", o.EnergyWh);
                    json.WriteNumber("price", o.Price);
                    json.WriteString("status", OrderStatusText.Code(o.Status));
                    json.WriteNumber("matchedWh", o.MatchedWh);
                    json.WriteNumber("depositWei", o.Deposit);
                    if (reasons.TryGetValue(id, out var reason))
                        json.WriteString("reason", reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
            return;
        }

        if (orders.Count == 0)
        {
            output.WriteLine("no orders; place one with `energy offer` or `energy bid`");
            return;
        }

        var table = new Table("order", "window", "side", "meter", "energy", "price/kWh", "deposit", "status").AlignRight(0, 1, 4, 5, 6);
        foreach (var (id, o) in orders)
        {
            var status = o.Status switch
            {
                OrderStatus.Rejected when reasons.TryGetValue(id, out var reason) => $"rejected: {reason}",
                OrderStatus.Matched or OrderStatus.Settled => $"{OrderStatusText.Code(o.Status)} ({Amounts.FormatEnergy((long)o.MatchedWh)})",
                _ => OrderStatusText.Code(o.Status),
            };
            table.Add(id.ToString(), o.WindowId.ToString(), o.Side == OrderSide.Offer ? "offer" : "bid", o.Meter,
                Amounts.FormatEnergy((long)o.EnergyWh), Amounts.FormatWei(o.Price), Amounts.FormatWei(o.Deposit), status);
        }

        output.WriteTable(table);
    }
}
