using System.Numerics;
using System.Text;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Abi;

/// <summary>Solidity ABI encoding (head/tail). Values: integers (any .NET integer or BigInteger), address strings,
/// bool, byte[] or hex for bytes/bytesN, string, any IEnumerable for arrays, object?[] or a record for tuples.</summary>
public static class AbiEncoder
{
    public static byte[] Encode(IReadOnlyList<AbiType> types, IReadOnlyList<object?> values)
    {
        if (types.Count != values.Count)
            throw new ArgumentException($"expected {types.Count} values ({string.Join(",", types)}), got {values.Count}");
        var heads = new List<byte[]>(types.Count);
        var tails = new List<byte[]>();
        var headLength = types.Sum(t => t.HeadSize);
        var tailLength = 0;
        for (var i = 0; i < types.Count; i++)
        {
            var encoded = EncodeValue(types[i], values[i]);
            if (types[i].IsDynamic)
            {
                heads.Add(Word(new BigInteger(headLength + tailLength)));
                tails.Add(encoded);
                tailLength += encoded.Length;
            }
            else
            {
                heads.Add(encoded);
            }
        }
        return [.. heads.SelectMany(h => h), .. tails.SelectMany(t => t)];
    }

    public static byte[] Encode(IReadOnlyList<AbiParameter> parameters, IReadOnlyList<object?> values) =>
        Encode([.. parameters.Select(p => p.Type)], values);

    /// <summary>Encodes values against canonical type strings, e.g. Encode(["uint256","address"], 5, addr).</summary>
    public static byte[] Encode(string[] types, params object?[] values) => Encode([.. types.Select(AbiType.Parse)], values);

    public static byte[] EncodeValue(AbiType type, object? value)
    {
        if (value is null) throw new ArgumentException($"a null value cannot be encoded as {type}");
        try
        {
            return type.Kind switch
            {
                AbiKind.Uint => EncodeUint(type, AbiValues.ToBigInteger(value)),
                AbiKind.Int => EncodeInt(type, AbiValues.ToBigInteger(value)),
                AbiKind.Address => EncodeAddress(value),
                AbiKind.Bool => Word(value is bool b ? (b ? 1 : 0) : throw new ArgumentException($"expected bool, got {value.GetType().Name}")),
                AbiKind.FixedBytes => EncodeFixedBytes(type, AbiValues.ToBytes(value)),
                AbiKind.Bytes => EncodeDynamicBytes(AbiValues.ToBytes(value)),
                AbiKind.String => EncodeDynamicBytes(Encoding.UTF8.GetBytes(value as string ?? throw new ArgumentException($"expected string, got {value.GetType().Name}"))),
                AbiKind.Array => EncodeArray(type, AbiValues.ToList(value)),
                AbiKind.FixedArray => EncodeFixedArray(type, AbiValues.ToList(value)),
                _ => Encode([.. type.Components.Select(c => c.Type)], AbiValues.ToTupleValues(value, type.Components.Count)),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new ArgumentException($"cannot encode {Describe(value)} as {type}: {e.Message}", e);
        }
    }

    internal static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        var bytes = HexConvert.ToBigEndianMinimal(value);
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    private static byte[] EncodeUint(AbiType type, BigInteger value)
    {
        if (value.Sign < 0 || value >= BigInteger.One << type.Size)
            throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {type}");
        return Word(value);
    }

    private static byte[] EncodeInt(AbiType type, BigInteger value)
    {
        var limit = BigInteger.One << (type.Size - 1);
        if (value < -limit || value >= limit) throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit {type}");
        return Word(value.Sign >= 0 ? value : (BigInteger.One << 256) + value);
    }

    private static byte[] EncodeAddress(object value)
    {
        var bytes = value switch
        {
            string s when AddressUtil.IsValid(s) => HexConvert.FromHex(s),
            string s => throw new FormatException($"'{s}' is not a valid address"),
            byte[] b when b.Length == 20 => b,
            _ => throw new FormatException($"expected an address, got {value.GetType().Name}"),
        };
        var word = new byte[32];
        bytes.CopyTo(word, 12);
        return word;
    }

    private static byte[] EncodeFixedBytes(AbiType type, byte[] bytes)
    {
        if (bytes.Length != type.Size) throw new FormatException($"{type} needs exactly {type.Size} bytes, got {bytes.Length}");
        var word = new byte[32];
        bytes.CopyTo(word, 0);
        return word;
    }

    private static byte[] EncodeDynamicBytes(byte[] bytes)
    {
        var padded = new byte[(bytes.Length + 31) / 32 * 32];
        bytes.CopyTo(padded, 0);
        return [.. Word(bytes.Length), .. padded];
    }

    private static byte[] EncodeArray(AbiType type, IReadOnlyList<object?> items) =>
        [.. Word(items.Count), .. Encode([.. Enumerable.Repeat(type.Element!, items.Count)], items)];

    private static byte[] EncodeFixedArray(AbiType type, IReadOnlyList<object?> items)
    {
        if (items.Count != type.Size) throw new FormatException($"{type} needs {type.Size} items, got {items.Count}");
        return Encode([.. Enumerable.Repeat(type.Element!, items.Count)], items);
    }

    private static string Describe(object value) => value is string s ? $"'{s}'" : value.GetType().Name;
}
