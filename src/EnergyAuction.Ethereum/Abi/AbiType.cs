namespace EnergyAuction.Ethereum.Abi;

public enum AbiKind { Uint, Int, Address, Bool, Bytes, FixedBytes, String, Array, FixedArray, Tuple }

/// <summary>A Solidity ABI type, parsed from its canonical string ("(uint256,address)[]") or from ABI JSON.</summary>
public sealed class AbiType
{
    private AbiType(AbiKind kind, int size, AbiType? element, IReadOnlyList<AbiParameter> components, string? internalType = null)
    {
        Kind = kind;
        Size = size;
        Element = element;
        Components = components;
        InternalType = internalType;
        Canonical = kind switch
        {
            AbiKind.Uint => $"uint{size}",
            AbiKind.Int => $"int{size}",
            AbiKind.Address => "address",
            AbiKind.Bool => "bool",
            AbiKind.Bytes => "bytes",
            AbiKind.FixedBytes => $"bytes{size}",
            AbiKind.String => "string",
            AbiKind.Array => element!.Canonical + "[]",
            AbiKind.FixedArray => $"{element!.Canonical}[{size}]",
            _ => "(" + string.Join(",", components.Select(c => c.Type.Canonical)) + ")",
        };
    }

    public AbiKind Kind { get; }

    /// <summary>Bits for uintN/intN, bytes for bytesN, length for T[k].</summary>
    public int Size { get; }

    public AbiType? Element { get; }

    public IReadOnlyList<AbiParameter> Components { get; }

    /// <summary>The Solidity type name from the ABI JSON (e.g. "struct EnergyTrade.Match"), when known.</summary>
    public string? InternalType { get; }

    public string Canonical { get; }

    /// <summary>Dynamic types are encoded in the tail behind an offset.</summary>
    public bool IsDynamic => Kind switch
    {
        AbiKind.Bytes or AbiKind.String or AbiKind.Array => true,
        AbiKind.FixedArray => Element!.IsDynamic,
        AbiKind.Tuple => Components.Any(c => c.Type.IsDynamic),
        _ => false,
    };

    /// <summary>Bytes this type takes in the head of an enclosing tuple.</summary>
    public int HeadSize => IsDynamic ? 32 : Kind switch
    {
        AbiKind.FixedArray => Size * Element!.HeadSize,
        AbiKind.Tuple => Components.Sum(c => c.Type.HeadSize),
        _ => 32,
    };

    public override string ToString() => Canonical;

    public static AbiType Tuple(IReadOnlyList<AbiParameter> components) => new(AbiKind.Tuple, 0, null, components);

    /// <summary>Parses a canonical type string, including tuples written as "(t1,t2)" and arrays thereof.</summary>
    public static AbiType Parse(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = type.Trim();
        if (t.EndsWith(']'))
        {
            var open = t.LastIndexOf('[');
            var inner = Parse(t[..open]);
            var length = t[(open + 1)..^1];
            return length.Length == 0
                ? new AbiType(AbiKind.Array, 0, inner, [])
                : new AbiType(AbiKind.FixedArray, ParseSize(length, type, 1, int.MaxValue), inner, []);
        }
        if (t.StartsWith("tuple(")) t = t[5..];
        if (t.StartsWith('(') && t.EndsWith(')'))
            return Tuple([.. SplitTopLevel(t[1..^1]).Select((c, i) => new AbiParameter($"", Parse(c)))]);
        return Elementary(t, type);
    }

    /// <summary>Builds a type from an ABI JSON entry's "type" and, for tuples, its "components".</summary>
    public static AbiType FromJson(string type, IReadOnlyList<AbiParameter>? components, string? internalType = null)
    {
        if (!type.StartsWith("tuple")) return Parse(type);
        if (components is null) throw new FormatException($"ABI type '{type}' has no components");
        var result = new AbiType(AbiKind.Tuple, 0, null, components, internalType);
        var suffix = type[5..];
        while (suffix.Length > 0)
        {
            var close = suffix.IndexOf(']');
            var length = suffix[1..close];
            result = length.Length == 0
                ? new AbiType(AbiKind.Array, 0, result, [], internalType)
                : new AbiType(AbiKind.FixedArray, ParseSize(length, type, 1, int.MaxValue), result, [], internalType);
            suffix = suffix[(close + 1)..];
        }
        return result;
    }

    private static AbiType Elementary(string t, string original)
    {
        switch (t)
        {
            case "address": return new AbiType(AbiKind.Address, 160, null, []);
            case "bool": return new AbiType(AbiKind.Bool, 0, null, []);
            case "string": return new AbiType(AbiKind.String, 0, null, []);
            case "bytes": return new AbiType(AbiKind.Bytes, 0, null, []);
            case "uint": return new AbiType(AbiKind.Uint, 256, null, []);
            case "int": return new AbiType(AbiKind.Int, 256, null, []);
        }
        if (t.StartsWith("uint")) return new AbiType(AbiKind.Uint, ParseBits(t[4..], original), null, []);
        if (t.StartsWith("int")) return new AbiType(AbiKind.Int, ParseBits(t[3..], original), null, []);
        if (t.StartsWith("bytes")) return new AbiType(AbiKind.FixedBytes, ParseSize(t[5..], original, 1, 32), null, []);
        throw new FormatException($"unknown ABI type '{original}'");
    }

    private static int ParseBits(string digits, string original)
    {
        var bits = ParseSize(digits, original, 8, 256);
        return bits % 8 == 0 ? bits : throw new FormatException($"ABI type '{original}' needs a multiple of 8 bits");
    }

    private static int ParseSize(string digits, string original, int min, int max) =>
        int.TryParse(digits, out var n) && n >= min && n <= max
            ? n
            : throw new FormatException($"ABI type '{original}' has an invalid size '{digits}'");

    private static List<string> SplitTopLevel(string list)
    {
        var parts = new List<string>();
        if (list.Length == 0) return parts;
        var depth = 0;
        var start = 0;
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i] == '(') depth++;
            else if (list[i] == ')') depth--;
            else if (list[i] == ',' && depth == 0)
            {
                parts.Add(list[start..i]);
                start = i + 1;
            }
        }
        parts.Add(list[start..]);
        return parts;
    }
}
