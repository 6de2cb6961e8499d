using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;

namespace EnergyAuction.Chain;

/// <summary>Decodes <c>windowMatches</c> answers (Match[]) word by word (see <see cref="TupleWords"/>).</summary>
internal static class MatchWords
{
    private static readonly TupleWords Layout = new(typeof(ET.Match));

    private static readonly int OfferId = Layout.Word("offerId", "uint64"), BidId = Layout.Word("bidId", "uint64"),
        EnergyWh = Layout.Word("energyWh", "uint64"), DistanceM = Layout.Word("distanceM", "uint32");

    /// <summary>Whether the generated Match still has a layout this decoder reads.</summary>
    public static bool Applies { get; } = Layout.AllOneWord && new[] { OfferId, BidId, EnergyWh, DistanceM }.All(i => i >= 0);

    /// <summary>The matches in a <c>windowMatches</c> answer, or null when the layout changed or the answer is not a Match[].</summary>
    public static IReadOnlyList<ChainMatch>? DecodePage(string hex) => Applies ? Layout.Array(hex, Read) : null;

    private static ChainMatch Read(ReadOnlySpan<byte> m) =>
        new((ulong)TupleWords.Uint(m, OfferId), (ulong)TupleWords.Uint(m, BidId), (ulong)TupleWords.Uint(m, EnergyWh), (uint)TupleWords.Uint(m, DistanceM));
}
