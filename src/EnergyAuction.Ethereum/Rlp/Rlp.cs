using System.Numerics;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Rlp;

/// <summary>Recursive Length Prefix encoding, as in the Ethereum yellow paper, appendix B.</summary>
public static class Rlp
{
    public static byte[] EncodeElement(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80) return [bytes[0]];
        return [.. Prefix(bytes.Length, 0x80), .. bytes];
    }

    public static byte[] EncodeElement(BigInteger value) => EncodeElement(HexConvert.ToBigEndianMinimal(value));

    /// <summary>Wraps already-encoded items in a list header.</summary>
    public static byte[] EncodeList(params byte[][] encodedItems)
    {
        var payload = encodedItems.SelectMany(i => i).ToArray();
        return [.. Prefix(payload.Length, 0xc0), .. payload];
    }

    /// <summary>Encodes a tree of byte[] leaves and IEnumerable&lt;object&gt; lists.</summary>
    public static byte[] Encode(object item) => item switch
    {
        byte[] bytes => EncodeElement(bytes),
        RlpItem { IsList: true } list => EncodeList([.. list.Items!.Select(Encode)]),
        RlpItem leaf => EncodeElement(leaf.Bytes!),
        BigInteger number => EncodeElement(number),
        System.Collections.IEnumerable list => EncodeList([.. list.Cast<object>().Select(Encode)]),
        _ => throw new ArgumentException($"cannot RLP-encode {item.GetType().Name}"),
    };

    /// <summary>Decodes exactly one item that spans the whole input.</summary>
    public static RlpItem Decode(ReadOnlySpan<byte> data)
    {
        var item = DecodeAt(data, 0, out var next);
        if (next != data.Length) throw new FormatException($"RLP has {data.Length - next} trailing bytes");
        return item;
    }

    private static RlpItem DecodeAt(ReadOnlySpan<byte> data, int offset, out int next)
    {
        if (offset >= data.Length) throw new FormatException("RLP ends early");
        var b = data[offset];
        if (b < 0x80)
        {
            next = offset + 1;
            return RlpItem.String([b]);
        }
        if (b < 0xc0)
        {
            var (start, length) = Header(data, offset, 0x80);
            next = start + length;
            var bytes = data.Slice(start, length).ToArray();
            if (length == 1 && bytes[0] < 0x80) throw new FormatException("RLP single byte below 0x80 must not be prefixed");
            return RlpItem.String(bytes);
        }
        var (listStart, listLength) = Header(data, offset, 0xc0);
        var end = listStart + listLength;
        var items = new List<RlpItem>();
        var position = listStart;
        while (position < end) items.Add(DecodeAt(data[..end], position, out position));
        next = end;
        return RlpItem.List(items);
    }

    private static (int Start, int Length) Header(ReadOnlySpan<byte> data, int offset, byte baseByte)
    {
        var b = data[offset];
        int start, length;
        if (b <= baseByte + 55)
        {
            start = offset + 1;
            length = b - baseByte;
        }
        else
        {
            var lengthOfLength = b - baseByte - 55;
            if (offset + 1 + lengthOfLength > data.Length) throw new FormatException("RLP length runs past the end");
            if (data[offset + 1] == 0) throw new FormatException("RLP length has leading zeros");
            var l = HexConvert.FromBigEndianUnsigned(data.Slice(offset + 1, lengthOfLength));
            if (l < 56) throw new FormatException("RLP long form used for a short length");
            if (l > int.MaxValue) throw new FormatException("RLP length too large");
            start = offset + 1 + lengthOfLength;
            length = (int)l;
        }
        if (start + length > data.Length) throw new FormatException("RLP item runs past the end");
        return (start, length);
    }

    private static byte[] Prefix(int length, byte baseByte)
    {
        if (length <= 55) return [(byte)(baseByte + length)];
        var lengthBytes = HexConvert.ToBigEndianMinimal(length);
        return [(byte)(baseByte + 55 + lengthBytes.Length), .. lengthBytes];
    }
}
