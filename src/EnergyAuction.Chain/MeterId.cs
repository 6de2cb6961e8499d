using System.Text;

namespace EnergyAuction.Chain;

/// <summary>Meter ids as the contracts store them (contracts/lib/MeterId.sol): 1 to 12 characters from
/// [A-Za-z0-9._-], ASCII, left-aligned in a bytes32 with the remaining bytes zero.</summary>
public static class MeterId
{
    public const int MaxLength = 12;

    /// <summary>Why the id is not valid, or null when it is.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "a meter id must not be empty";
        if (id.Length > MaxLength) return $"meter id '{id}' is {id.Length} characters long; at most {MaxLength} are allowed";
        var bad = id.FirstOrDefault(c => !IsUrlSafe(c));
        return bad == default ? null : $"meter id '{id}' contains '{bad}'; only A-Z, a-z, 0-9, '.', '_' and '-' are allowed";
    }

    public static bool IsValid(string? id) => Problem(id) is null;

    /// <summary>The bytes32 the contracts expect; throws ArgumentException naming what is wrong.</summary>
    public static byte[] ToBytes32(string id)
    {
        if (Problem(id) is { } problem) throw new ArgumentException(problem, nameof(id));
        var word = new byte[32];
        Encoding.ASCII.GetBytes(id, word);
        return word;
    }

    /// <summary>The id from its bytes32; throws FormatException if the word breaks the format.</summary>
    public static string FromBytes32(ReadOnlySpan<byte> word)
    {
        if (word.Length != 32) throw new FormatException($"a meter id word is 32 bytes, got {word.Length}");
        var length = word.IndexOf((byte)0);
        if (length < 0) length = 32;
        if (word[length..].ContainsAnyExcept((byte)0)) throw new FormatException("meter id has non-zero bytes after its end");
        var id = Encoding.ASCII.GetString(word[..length]);
        return Problem(id) is { } problem ? throw new FormatException(problem) : id;
    }

    private static bool IsUrlSafe(char c) => c is >= '0' and <= '9' or >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '-' or '_' or '.';
}
