using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;

namespace EnergyAuction.Chain;

/// <summary>Decodes <c>order(id)</c> answers and the orders of <c>windowOrders</c> answers word by word (see <see cref="TupleWords"/>);
/// reading a field the contract adds is one more line in <see cref="Read"/>.</summary>
internal static class OrderViewWords
{
    private static readonly TupleWords Layout = new(typeof(ET.OrderView));

    private static readonly int WindowId = Layout.Word("windowId", "uint256"), Owner = Layout.Word("owner", "address"),
        Meter = Layout.Word("meterId", "bytes32"), Side = Layout.Word("side", "uint8"), EnergyWh = Layout.Word("energyWh", "uint64"),
        Price = Layout.Word("price", "uint256"), Status = Layout.Word("status", "uint8"), MatchedWh = Layout.Word("matchedWh", "uint64"),
        Deposit = Layout.Word("deposit", "uint256"), MaxDistanceM = Layout.Word("maxDistanceM", "uint32");

    /// <summary>Whether the generated OrderView still has a layout this decoder reads.</summary>
    public static bool Applies { get; } = Layout.AllOneWord
        && new[] { WindowId, Owner, Meter, Side, EnergyWh, Price, Status, MatchedWh, Deposit, MaxDistanceM }.All(i => i >= 0);

    /// <summary>The order in an <c>order(id)</c> answer, or null when the layout changed or the answer is not one
    /// OrderView (let Nethereum decode it or say why).</summary>
    public static OrderInfo? Decode(string hex) => Applies ? Layout.One(hex, Read) : null;

    /// <summary>The orders of a <c>windowOrders</c> answer (the OrderView[] whose offset is in word
    /// <paramref name="headWord"/>), or null when the layout changed or the answer holds no such array.</summary>
    public static IReadOnlyList<OrderInfo>? DecodePage(byte[] answer, int headWord) => Applies ? Layout.ArrayAt(answer, headWord, Read) : null;

    private static OrderInfo Read(ReadOnlySpan<byte> v) =>
        new((ulong)TupleWords.Uint(v, WindowId), TupleWords.Address(v, Owner), v.Slice(Meter * 32, 32).ToArray(),
            (OrderSide)(byte)TupleWords.Uint(v, Side), (ulong)TupleWords.Uint(v, EnergyWh), TupleWords.Uint(v, Price),
            (OrderStatus)(byte)TupleWords.Uint(v, Status), (ulong)TupleWords.Uint(v, MatchedWh), TupleWords.Uint(v, Deposit),
            (uint)TupleWords.Uint(v, MaxDistanceM));
}
