using System.Collections.Concurrent;
using System.Numerics;
using System.Reflection;
using System.Text.RegularExpressions;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace EnergyAuction.Chain;

/// <summary>
/// The ABI layout of a generated static tuple (a struct or a function's outputs): one 32-byte word per field, in the
/// order of its Parameter attributes. The word decoders read each field from the word its name has there, so a field
/// the contract adds shifts no read; they apply only while every field is one word and the fields they read keep
/// their types, so a changed contract falls back to Nethereum rather than being misread. Nethereum's reflective
/// decoder spends about as long on an answer as the node takes to give it.
/// </summary>
internal sealed partial class TupleWords(Type generated)
{
    /// <summary>Reads one tuple from its words.</summary>
    public delegate T Reader<out T>(ReadOnlySpan<byte> tuple);

    private readonly ParameterAttribute[] fields = [.. generated.GetProperties()
        .Select(p => p.GetCustomAttribute<ParameterAttribute>()).OfType<ParameterAttribute>().OrderBy(a => a.Order)];

    /// <summary>Bytes of one tuple.</summary>
    public int Size => fields.Length * 32;

    /// <summary>Whether every field is one word (no dynamic or nested type).</summary>
    public bool AllOneWord => fields.Length > 0 && fields.All(f => OneWord().IsMatch(f.Type));

    /// <summary>The word of the field with this name and ABI type, or -1.</summary>
    public int Word(string name, string type) => System.Array.FindIndex(fields, f => f.Name == name && f.Type == type);

    /// <summary>One tuple (a static tuple is its words, with no offset), or null when the answer is not one.</summary>
    public T? One<T>(string hex, Reader<T> read) where T : class
    {
        var bytes = HexConvert.FromHex(hex);
        return bytes.Length == Size ? read(bytes) : null;
    }

    /// <summary>A T[] answer (its offset, its length, then the tuples), or null when the answer is not one.</summary>
    public IReadOnlyList<T>? Array<T>(string hex, Reader<T> read)
    {
        var bytes = HexConvert.FromHex(hex);
        return bytes.Length >= 64 && Uint(bytes, 0) == 32 && Uint(bytes, 1) is var count && bytes.Length == 64 + count * Size ? ArrayAt(bytes, 0, read) : null;
    }

    /// <summary>The T[] of an answer with several outputs whose offset is in word <paramref name="headWord"/> (at the
    /// offset its length, then the tuples), or null when it does not fit in the answer.</summary>
    public IReadOnlyList<T>? ArrayAt<T>(byte[] answer, int headWord, Reader<T> read)
    {
        if (headWord < 0 || answer.Length < (headWord + 1) * 32 || Uint(answer, headWord) is var offset && (offset % 32 != 0 || offset + 32 > answer.Length))
            return null;
        var start = (int)offset + 32;
        if (Uint(answer.AsSpan((int)offset), 0) is var count && start + count * Size > answer.Length)
            return null;
        var tuples = new T[(int)count];
        for (var i = 0; i < tuples.Length; i++)
            tuples[i] = read(answer.AsSpan(start + i * Size, Size));
        return tuples;
    }

    /// <summary>The unsigned integer in word <paramref name="word"/>.</summary>
    public static BigInteger Uint(ReadOnlySpan<byte> words, int word) => new(words.Slice(word * 32, 32), isUnsigned: true, isBigEndian: true);

    /// <summary>The address in word <paramref name="word"/>, checksummed.</summary>
    public static string Address(ReadOnlySpan<byte> words, int word)
    {
        var hex = HexConvert.ToHex(words.Slice(word * 32 + 12, 20));
        if (Checksummed.TryGetValue(hex, out var known))
            return known;
        // A window's pages name a few households thousands of times, and a checksum is a Keccak hash each.
        if (Checksummed.Count >= ChecksummedKept)
            Checksummed.Clear();
        return Checksummed[hex] = ChainAddress.ToChecksum(hex);
    }

    private const int ChecksummedKept = 100_000;

    private static readonly ConcurrentDictionary<string, string> Checksummed = new(StringComparer.Ordinal);

    [GeneratedRegex(@"^(u?int\d*|address|bool|bytes([1-9]|[12]\d|3[0-2]))$")]
    private static partial Regex OneWord();
}
