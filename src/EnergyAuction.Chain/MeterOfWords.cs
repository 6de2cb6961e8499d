using DA = EnergyAuction.Chain.Generated.DataAccess.ContractDefinition;

namespace EnergyAuction.Chain;

/// <summary>Decodes <c>meterOf</c> answers word by word (see <see cref="TupleWords"/>).</summary>
internal static class MeterOfWords
{
    private static readonly TupleWords Layout = new(typeof(DA.MeterOfOutputDTO));

    private static readonly int Owner = Layout.Word("owner", "address"), Bus = Layout.Word("bus", "uint32");

    /// <summary>Whether the generated meterOf outputs still have a layout this decoder reads.</summary>
    public static bool Applies { get; } = Layout.AllOneWord && Owner >= 0 && Bus >= 0;

    /// <summary>The meter in a <c>meterOf</c> answer, or null when the layout changed or the answer is not one.</summary>
    public static MeterInfo? Decode(string hex) => Applies ? Layout.One(hex, Read) : null;

    private static MeterInfo Read(ReadOnlySpan<byte> m) => new(TupleWords.Address(m, Owner), (uint)TupleWords.Uint(m, Bus));
}
