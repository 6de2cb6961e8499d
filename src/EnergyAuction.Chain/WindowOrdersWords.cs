using EnergyAuction.Chain.Hex;
using RD = EnergyAuction.Chain.Generated.EnergyTradeReader.ContractDefinition;

namespace EnergyAuction.Chain;

/// <summary>Decodes the reader's <c>windowOrders</c> answers word by word: its two outputs, found by name in the
/// generated outputs' layout, are the page of orders and, entry for entry, their meters.</summary>
internal static class WindowOrdersWords
{
    private static readonly TupleWords Outputs = new(typeof(RD.WindowOrdersOutputDTO));

    private static readonly int Page = Outputs.Word("page", "tuple[]"), Meters = Outputs.Word("meters", "tuple[]");

    /// <summary>The page's orders, each with its meter's registry entry, or null when a layout changed or the answer is
    /// not such a page.</summary>
    public static IReadOnlyList<(OrderInfo Order, MeterInfo Meter)>? Decode(string hex)
    {
        var answer = HexConvert.FromHex(hex);
        var orders = OrderViewWords.DecodePage(answer, Page);
        var meters = MeterOfWords.DecodeEntries(answer, Meters);
        return orders is null || meters is null || orders.Count != meters.Count ? null : [.. orders.Zip(meters)];
    }
}
