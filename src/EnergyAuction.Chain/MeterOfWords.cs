using DA = EnergyAuction.Chain.Generated.DataAccess.ContractDefinition;
using RD = EnergyAuction.Chain.Generated.EnergyTradeReader.ContractDefinition;

namespace EnergyAuction.Chain;

/// <summary>Decodes <c>meterOf</c> answers and the reader's meter entries word by word (see <see cref="TupleWords"/>).</summary>
internal static class MeterOfWords
{
    private static readonly TupleWords Layout = new(typeof(DA.MeterOfOutputDTO)), EntryLayout = new(typeof(RD.MeterEntry));

    private static readonly int Owner = Layout.Word("owner", "address"), Bus = Layout.Word("bus", "uint32"),
        EntryOwner = EntryLayout.Word("owner", "address"), EntryBus = EntryLayout.Word("bus", "uint32");

    /// <summary>Whether the generated meterOf outputs still have a layout this decoder reads.</summary>
    public static bool Applies { get; } = Layout.AllOneWord && Owner >= 0 && Bus >= 0;

    /// <summary>Whether the reader's generated MeterEntry still has a layout this decoder reads.</summary>
    public static bool EntryApplies { get; } = EntryLayout.AllOneWord && EntryOwner >= 0 && EntryBus >= 0;

    /// <summary>The meter in a <c>meterOf</c> answer, or null when the layout changed or the answer is not one.</summary>
    public static MeterInfo? Decode(string hex) => Applies ? Layout.One(hex, Read) : null;

    /// <summary>The meters of a <c>windowOrders</c> answer (the MeterEntry[] whose offset is in word
    /// <paramref name="headWord"/>), or null when the layout changed or the answer holds no such array.</summary>
    public static IReadOnlyList<MeterInfo>? DecodeEntries(byte[] answer, int headWord) =>
        EntryApplies ? EntryLayout.ArrayAt(answer, headWord, ReadEntry) : null;

    private static MeterInfo Read(ReadOnlySpan<byte> m) => new(TupleWords.Address(m, Owner), (uint)TupleWords.Uint(m, Bus));

    private static MeterInfo ReadEntry(ReadOnlySpan<byte> m) => new(TupleWords.Address(m, EntryOwner), (uint)TupleWords.Uint(m, EntryBus));
}
