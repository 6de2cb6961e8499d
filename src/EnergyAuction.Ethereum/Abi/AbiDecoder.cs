using System.Numerics;
using System.Text;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Abi;

/// <summary>Solidity ABI decoding into BigInteger, checksummed address strings, bool, byte[], string and object?[]
/// (arrays and tuples), or into C# records by constructor position.</summary>
public static class AbiDecoder
{
    public static object?[] Decode(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data) => DecodeSequence(types, data, 0);

    public static object?[] Decode(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data) =>
        Decode([.. parameters.Select(p => p.Type)], data);

    public static object?[] Decode(string[] types, byte[] data) => Decode([.. types.Select(AbiType.Parse)], data);

    /// <summary>Decodes return values (or a tuple's components) straight into T's constructor, by position.</summary>
    public static T DecodeTo<T>(IReadOnlyList<AbiParameter> parameters, ReadOnlySpan<byte> data) =>
        MapTo<T>(Decode(parameters, data));

    /// <summary>Maps decoded values onto T: a single value converts directly; several go to T's constructor by position.</summary>
    public static T MapTo<T>(IReadOnlyList<object?> values)
    {
        var target = typeof(T);
        if (values.Count == 1 && (IsScalarTarget(target) || values[0] is object?[] && target.GetConstructors().All(c => c.GetParameters().Length != 1)))
            return (T)AbiValues.ConvertTo(values[0], target)!;
        return (T)AbiValues.Construct(target, values);
    }

    public static object? DecodeValue(AbiType type, ReadOnlySpan<byte> data, int at)
    {
        switch (type.Kind)
        {
            case AbiKind.Uint:
                return HexConvert.FromBigEndianUnsigned(ReadWord(data, at));
            case AbiKind.Int:
                return new BigInteger(ReadWord(data, at), isUnsigned: false, isBigEndian: true);
            case AbiKind.Address:
                return AddressUtil.ToChecksum(ReadWord(data, at)[12..]);
            case AbiKind.Bool:
                return !HexConvert.FromBigEndianUnsigned(ReadWord(data, at)).IsZero;
            case AbiKind.FixedBytes:
                return ReadWord(data, at)[..type.Size].ToArray();
            case AbiKind.Bytes:
                return ReadDynamicBytes(data, at);
            case AbiKind.String:
                return Encoding.UTF8.GetString(ReadDynamicBytes(data, at));
            case AbiKind.Array:
            {
                var count = ReadLength(data, at);
                return DecodeSequence([.. Enumerable.Repeat(type.Element!, count)], data, at + 32);
            }
            case AbiKind.FixedArray:
                return DecodeSequence([.. Enumerable.Repeat(type.Element!, type.Size)], data, at);
            default:
                return DecodeSequence([.. type.Components.Select(c => c.Type)], data, at);
        }
    }

    private static object?[] DecodeSequence(IReadOnlyList<AbiType> types, ReadOnlySpan<byte> data, int start)
    {
        var values = new object?[types.Count];
        var head = start;
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            values[i] = type.IsDynamic ? DecodeValue(type, data, start + ReadLength(data, head)) : DecodeValue(type, data, head);
            head += type.HeadSize;
        }
        return values;
    }

    private static ReadOnlySpan<byte> ReadWord(ReadOnlySpan<byte> data, int at)
    {
        if (at < 0 || at + 32 > data.Length) throw new FormatException($"ABI data too short: need 32 bytes at offset {at}, have {data.Length}");
        return data.Slice(at, 32);
    }

    private static int ReadLength(ReadOnlySpan<byte> data, int at)
    {
        var value = HexConvert.FromBigEndianUnsigned(ReadWord(data, at));
        if (value > data.Length) throw new FormatException($"ABI offset or length {value} at {at} exceeds the {data.Length}-byte data");
        return (int)value;
    }

    private static byte[] ReadDynamicBytes(ReadOnlySpan<byte> data, int at)
    {
        var length = ReadLength(data, at);
        if (at + 32 + length > data.Length) throw new FormatException($"ABI bytes of length {length} at {at} run past the data");
        return data.Slice(at + 32, length).ToArray();
    }

    private static bool IsScalarTarget(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u.IsPrimitive || u.IsEnum || u == typeof(string) || u == typeof(BigInteger) || u == typeof(UInt128)
            || u == typeof(Int128) || u == typeof(byte[]) || u.IsArray || u == typeof(object)
            || u.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(u);
    }
}
