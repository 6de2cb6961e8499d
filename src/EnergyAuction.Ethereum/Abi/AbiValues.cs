using System.Collections;
using System.Numerics;
using System.Reflection;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Abi;

/// <summary>Conversions between .NET values and the ABI's value model, for both encoding and typed decoding.</summary>
internal static class AbiValues
{
    public static BigInteger ToBigInteger(object value) => value switch
    {
        BigInteger b => b,
        int or long or short or sbyte => Convert.ToInt64(value),
        uint or ulong or ushort or byte => Convert.ToUInt64(value),
        UInt128 u => (BigInteger)u,
        Int128 i => (BigInteger)i,
        Enum e => Convert.ToInt64(e),
        string s when HexConvert.IsHex(s) => HexConvert.ParseQuantity(s),
        string s => BigInteger.Parse(s, System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"expected an integer, got {value.GetType().Name}"),
    };

    public static byte[] ToBytes(object value) => value switch
    {
        byte[] b => b,
        ReadOnlyMemory<byte> m => m.ToArray(),
        string s => HexConvert.FromHex(s),
        _ => throw new InvalidCastException($"expected bytes, got {value.GetType().Name}"),
    };

    public static IReadOnlyList<object?> ToList(object value) => value switch
    {
        string or byte[] => throw new InvalidCastException($"expected an array, got {value.GetType().Name}"),
        IEnumerable e => e.Cast<object?>().ToList(),
        _ => throw new InvalidCastException($"expected an array, got {value.GetType().Name}"),
    };

    /// <summary>A tuple's values: an object?[] / list positionally, or a record's constructor parameters in order.</summary>
    public static IReadOnlyList<object?> ToTupleValues(object value, int count)
    {
        if (value is IEnumerable and not string and not byte[]) return ToList(value);
        var type = value.GetType();
        var constructor = TupleConstructor(type, count);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return [.. constructor.GetParameters().Select(p =>
            properties.FirstOrDefault(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase))?.GetValue(value)
            ?? throw new InvalidCastException($"{type.Name} has no property for constructor parameter '{p.Name}'"))];
    }

    public static ConstructorInfo TupleConstructor(Type type, int count) =>
        type.GetConstructors().FirstOrDefault(c => c.GetParameters().Length == count)
        ?? throw new InvalidCastException($"{type.Name} has no public constructor with {count} parameters");

    /// <summary>Converts a decoded ABI value (BigInteger, string, bool, byte[], object?[]) to a .NET target type.</summary>
    public static object? ConvertTo(object? value, Type target)
    {
        if (value is null) return null;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying == typeof(object) || underlying.IsInstanceOfType(value) && value is not object?[]) return value;
        if (value is BigInteger big) return ConvertInteger(big, underlying);
        if (value is object?[] items)
        {
            if (underlying.IsArray)
            {
                var elementType = underlying.GetElementType()!;
                var array = Array.CreateInstance(elementType, items.Length);
                for (var i = 0; i < items.Length; i++) array.SetValue(ConvertTo(items[i], elementType), i);
                return array;
            }
            if (underlying.IsGenericType && underlying.GetGenericArguments().Length == 1
                && underlying.IsAssignableFrom(typeof(List<>).MakeGenericType(underlying.GetGenericArguments()[0])))
            {
                var elementType = underlying.GetGenericArguments()[0];
                var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(elementType))!;
                foreach (var item in items) list.Add(ConvertTo(item, elementType));
                return list;
            }
            return Construct(underlying, items);
        }
        if (value is byte[] bytes && underlying == typeof(string)) return HexConvert.ToHex(bytes);
        throw new InvalidCastException($"cannot convert {value.GetType().Name} to {target.Name}");
    }

    public static object Construct(Type type, IReadOnlyList<object?> values)
    {
        var constructor = TupleConstructor(type, values.Count);
        var parameters = constructor.GetParameters();
        return constructor.Invoke([.. parameters.Select((p, i) => ConvertTo(values[i], p.ParameterType))]);
    }

    private static object ConvertInteger(BigInteger value, Type target)
    {
        if (target == typeof(BigInteger)) return value;
        if (target == typeof(UInt128)) return (UInt128)value;
        if (target == typeof(Int128)) return (Int128)value;
        if (target.IsEnum) return Enum.ToObject(target, (long)value);
        if (target == typeof(ulong)) return (ulong)value;
        if (target == typeof(long)) return (long)value;
        if (target == typeof(uint)) return (uint)value;
        if (target == typeof(int)) return (int)value;
        if (target == typeof(ushort)) return (ushort)value;
        if (target == typeof(short)) return (short)value;
        if (target == typeof(byte)) return (byte)value;
        if (target == typeof(sbyte)) return (sbyte)value;
        throw new InvalidCastException($"cannot convert an integer to {target.Name}");
    }
}
