namespace EnergyAuction.Market.Tests;

/// <summary>MARKET.md "Test vector" (thesis Table 2.2 inputs).</summary>
public static class ThesisVector
{
    public static OrderBook Book { get; } = new(
        Orders((3, 30000, 20000), (24, 25000, 10000), (11, 18000, 16000), (20, 40000, 5000),
            (13, 50000, 16000), (6, 21000, 25000), (45, 14000, 7000), (4, 70000, 2000)),
        Orders((16, 20000, 17000), (39, 16000, 28000), (10, 50000, 6000), (9, 70000, 30000),
            (5, 24000, 8000), (8, 19000, 15000), (12, 60000, 23000)));

    private static Order[] Orders(params (int Id, long Wh, long Price)[] rows) =>
        rows.Select((r, i) => new Order(r.Id.ToString(), r.Wh, r.Price, i + 1)).ToArray();
}
