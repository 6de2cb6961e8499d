using System.Numerics;
using System.Text;

namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// Decodes the parameters of a Chainlink direct request. <c>OracleRequest.data</c> is the content
/// of a CBOR map (RFC 8949) without its header: the Chainlink node wraps it as an indefinite-length
/// map (0xBF ... 0xFF); this decoder accepts it wrapped or bare. Keys are text strings; values are
/// text (string), byte strings (byte[]), integers and bignums (BigInteger), arrays (IReadOnlyList of
/// object), maps (IReadOnlyDictionary), booleans and null.
/// </summary>
public static class ChainlinkCbor
{
    private const byte Break = 0xFF;

    /// <summary>The request's parameters by key; throws <see cref="FormatException"/> on malformed data.</summary>
    public static IReadOnlyDictionary<string, object?> Decode(ReadOnlySpan<byte> data)
    {
        var reader = new Reader(data.ToArray());
        var wrapped = data.Length > 0 && data[0] == 0xBF;
        if (wrapped) reader.Position = 1;
        var map = reader.ReadMapEntries(length: null, stopAtEnd: !wrapped);
        if (reader.Position != data.Length)
            throw new FormatException($"CBOR: {data.Length - reader.Position} trailing bytes after the request map");
        return map;
    }

    /// <summary>The text parameter <paramref name="key"/>, or null when absent or not text.</summary>
    public static string? Text(this IReadOnlyDictionary<string, object?> parameters, string key) =>
        parameters.GetValueOrDefault(key) as string;

    private sealed class Reader(byte[] data)
    {
        public int Position { get; set; }

        public Dictionary<string, object?> ReadMapEntries(ulong? length, bool stopAtEnd)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (ulong i = 0; length is null || i < length; i++)
            {
                if (length is null && (stopAtEnd ? Position == data.Length : PeekBreak())) break;
                if (ReadItem() is not string key) throw new FormatException($"CBOR: map key at byte {Position} is not a text string");
                map[key] = ReadItem();
            }
            return map;
        }

        private bool PeekBreak()
        {
            if (Position >= data.Length) throw new FormatException("CBOR: indefinite-length item has no break byte");
            if (data[Position] != Break) return false;
            Position++;
            return true;
        }

        private object? ReadItem()
        {
            var start = Position;
            var initial = Next();
            var major = initial >> 5;
            var info = initial & 0x1F;
            if (info == 31)
            {
                return major switch
                {
                    2 => ReadChunks(2),
                    3 => Encoding.UTF8.GetString(ReadChunks(3)),
                    4 => ReadArray(null),
                    5 => ReadMapEntries(null, stopAtEnd: false),
                    _ => throw new FormatException($"CBOR: major type {major} cannot have indefinite length (byte {start})"),
                };
            }
            var argument = ReadArgument(info, start);
            return major switch
            {
                0 => new BigInteger(argument),
                1 => -BigInteger.One - argument,
                2 => Take(argument),
                3 => Encoding.UTF8.GetString(Take(argument)),
                4 => ReadArray(argument),
                5 => ReadMapEntries(argument, stopAtEnd: false),
                6 => ReadTagged(argument, start),
                _ => Simple(info, start),
            };
        }

        private object ReadTagged(ulong tag, int start)
        {
            var content = ReadItem();
            if (tag is not (2 or 3) || content is not byte[] magnitude)
                throw new FormatException($"CBOR: unsupported tag {tag} at byte {start}");
            var n = new BigInteger(magnitude, isUnsigned: true, isBigEndian: true);
            return tag == 2 ? n : -BigInteger.One - n;
        }

        private static object? Simple(int info, int start) => info switch
        {
            20 => false,
            21 => true,
            22 => null,
            _ => throw new FormatException($"CBOR: unsupported simple value or float at byte {start}"),
        };

        private List<object?> ReadArray(ulong? length)
        {
            var items = new List<object?>();
            for (ulong i = 0; length is null ? !PeekBreak() : i < length; i++)
                items.Add(ReadItem());
            return items;
        }

        private byte[] ReadChunks(int major)
        {
            var chunks = new List<byte>();
            while (!PeekBreak())
            {
                var start = Position;
                var initial = Next();
                if (initial >> 5 != major || (initial & 0x1F) == 31)
                    throw new FormatException($"CBOR: bad chunk in indefinite string at byte {start}");
                chunks.AddRange(Take(ReadArgument(initial & 0x1F, start)));
            }
            return [.. chunks];
        }

        private ulong ReadArgument(int info, int start)
        {
            if (info < 24) return (ulong)info;
            var size = info switch
            {
                24 => 1,
                25 => 2,
                26 => 4,
                27 => 8,
                _ => throw new FormatException($"CBOR: reserved additional information {info} at byte {start}"),
            };
            ulong value = 0;
            foreach (var b in Take((ulong)size)) value = value << 8 | b;
            return value;
        }

        private byte Next() =>
            Position < data.Length ? data[Position++] : throw new FormatException("CBOR: data ends inside an item");

        private byte[] Take(ulong count)
        {
            if (count > (ulong)(data.Length - Position))
                throw new FormatException($"CBOR: item at byte {Position} claims {count} bytes, only {data.Length - Position} left");
            var bytes = data.AsSpan(Position, (int)count).ToArray();
            Position += (int)count;
            return bytes;
        }
    }
}
