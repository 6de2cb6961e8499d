using System.Formats.Cbor;
using System.Numerics;

namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// Decodes the parameters of a Chainlink direct request with System.Formats.Cbor. <c>OracleRequest.data</c> is the
/// content of a CBOR map (RFC 8949) without its header: the Chainlink node wraps it as an indefinite-length map
/// (0xBF ... 0xFF); this decoder accepts it wrapped or bare. Keys are text strings; values are text (string), byte
/// strings (byte[]), integers and bignums (BigInteger), arrays (IReadOnlyList of object), maps (IReadOnlyDictionary),
/// booleans and null.
/// </summary>
public static class ChainlinkCbor
{
    private const byte StartIndefiniteMap = 0xBF;
    private const byte Break = 0xFF;

    /// <summary>The request's parameters by key; throws <see cref="FormatException"/> on malformed data.</summary>
    public static IReadOnlyDictionary<string, object?> Decode(ReadOnlySpan<byte> data)
    {
        var wrapped = data.Length > 0 && data[0] == StartIndefiniteMap;
        byte[] buffer = wrapped ? data.ToArray() : [StartIndefiniteMap, .. data, Break];
        var reader = new CborReader(buffer, CborConformanceMode.Lax);
        int Position() => buffer.Length - reader.BytesRemaining;
        try
        {
            var map = ReadMap(reader, Position);
            if (reader.BytesRemaining > 0)
                throw new FormatException($"CBOR: {reader.BytesRemaining} trailing bytes after the request map");
            return map;
        }
        catch (CborContentException e) when (wrapped && reader.BytesRemaining == 0)
        {
            throw new FormatException("CBOR: indefinite-length item has no break byte", e);
        }
        catch (CborContentException e) when (!wrapped && Position() >= buffer.Length - 1)
        {
            throw new FormatException("CBOR: data ends inside an item", e);
        }
        catch (CborContentException e)
        {
            throw new FormatException($"CBOR: malformed item at byte {Position()}: {e.Message}", e);
        }
    }

    /// <summary>The text parameter <paramref name="key"/>, or null when absent or not text.</summary>
    public static string? Text(this IReadOnlyDictionary<string, object?> parameters, string key) =>
        parameters.GetValueOrDefault(key) as string;

    private static Dictionary<string, object?> ReadMap(CborReader reader, Func<int> position)
    {
        reader.ReadStartMap();
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        while (reader.PeekState() != CborReaderState.EndMap)
        {
            if (reader.PeekState() is not (CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString))
                throw new FormatException($"CBOR: map key at byte {position()} is not a text string");
            var key = reader.ReadTextString();
            map[key] = ReadValue(reader, position);
        }
        reader.ReadEndMap();
        return map;
    }

    private static object? ReadValue(CborReader reader, Func<int> position)
    {
        var start = position();
        switch (reader.PeekState())
        {
            case CborReaderState.UnsignedInteger:
                return new BigInteger(reader.ReadUInt64());
            case CborReaderState.NegativeInteger:
                return -BigInteger.One - reader.ReadCborNegativeIntegerRepresentation();
            case CborReaderState.ByteString or CborReaderState.StartIndefiniteLengthByteString:
                return Sized(() => reader.ReadByteString(), start);
            case CborReaderState.TextString or CborReaderState.StartIndefiniteLengthTextString:
                return Sized(() => reader.ReadTextString(), start);
            case CborReaderState.StartArray:
                reader.ReadStartArray();
                var items = new List<object?>();
                while (reader.PeekState() != CborReaderState.EndArray) items.Add(ReadValue(reader, position));
                reader.ReadEndArray();
                return items;
            case CborReaderState.StartMap:
                return ReadMap(reader, position);
            case CborReaderState.Tag:
                var tag = reader.PeekTag();
                if (tag is not (CborTag.UnsignedBigNum or CborTag.NegativeBigNum))
                    throw new FormatException($"CBOR: unsupported tag {(ulong)tag} at byte {start}");
                return reader.ReadBigInteger();
            case CborReaderState.Boolean:
                return reader.ReadBoolean();
            case CborReaderState.Null:
                reader.ReadNull();
                return null;
            default:
                throw new FormatException($"CBOR: unsupported simple value or float at byte {start}");
        }
    }

    // A definite-length string whose length runs past the data fails here rather than as "ends inside".
    private static object Sized(Func<object> read, int start)
    {
        try
        {
            return read();
        }
        catch (CborContentException e)
        {
            throw new FormatException($"CBOR: item at byte {start} claims more bytes than are left", e);
        }
    }
}
