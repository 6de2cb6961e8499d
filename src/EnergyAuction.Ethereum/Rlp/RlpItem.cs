namespace EnergyAuction.Ethereum.Rlp;

/// <summary>A decoded RLP item: either a byte string or a list of items.</summary>
public sealed class RlpItem
{
    private RlpItem(byte[]? bytes, IReadOnlyList<RlpItem>? items)
    {
        Bytes = bytes;
        Items = items;
    }

    public byte[]? Bytes { get; }

    public IReadOnlyList<RlpItem>? Items { get; }

    public bool IsList => Items is not null;

    public static RlpItem String(byte[] bytes) => new(bytes, null);

    public static RlpItem List(IReadOnlyList<RlpItem> items) => new(null, items);
}
