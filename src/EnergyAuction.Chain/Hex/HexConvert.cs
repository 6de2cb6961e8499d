using System.Globalization;
using System.Numerics;

namespace EnergyAuction.Chain.Hex;

/// <summary>Conversions between bytes, integers and the 0x-prefixed hex that JSON-RPC and ABI use.</summary>
public static class HexConvert
{
    public static string ToHex(ReadOnlySpan<byte> bytes, bool prefix = true) =>
        (prefix ? "0x" : "") + Convert.ToHexStringLower(bytes);

    public static string ToHex(byte[] bytes, bool prefix = true) => ToHex(bytes.AsSpan(), prefix);

    /// <summary>Parses hex with or without 0x; an odd digit count is read as if left-padded with 0.</summary>
    public static byte[] FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var digits = HasPrefix(hex) ? hex[2..] : hex;
        if (digits.Length % 2 == 1) digits = "0" + digits;
        try
        {
            return Convert.FromHexString(digits);
        }
        catch (FormatException)
        {
            throw new FormatException($"'{Shorten(hex)}' is not valid hex");
        }
    }

    public static bool IsHex(string? value) =>
        value is not null && HasPrefix(value) && value.Skip(2).All(Uri.IsHexDigit);

    /// <summary>A JSON-RPC QUANTITY: 0x-prefixed, no leading zeros, "0x0" for zero.</summary>
    public static string ToQuantity(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "quantities are non-negative");
        if (value.IsZero) return "0x0";
        return "0x" + value.ToString("x", CultureInfo.InvariantCulture).TrimStart('0');
    }

    public static string ToQuantity(ulong value) => ToQuantity(new BigInteger(value));

    public static BigInteger ParseQuantity(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (!HasPrefix(hex)) throw new FormatException($"'{Shorten(hex)}' is not a 0x quantity");
        var digits = hex[2..];
        if (digits.Length == 0) return BigInteger.Zero;
        if (!digits.All(Uri.IsHexDigit)) throw new FormatException($"'{Shorten(hex)}' is not a 0x quantity");
        return BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    public static ulong ParseQuantityUInt64(string hex) => (ulong)ParseQuantity(hex);

    /// <summary>Unsigned big-endian bytes without leading zeros (empty for zero), as RLP wants them.</summary>
    public static byte[] ToBigEndianMinimal(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "value must be non-negative");
        return value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
    }

    public static BigInteger FromBigEndianUnsigned(ReadOnlySpan<byte> bytes) =>
        new(bytes, isUnsigned: true, isBigEndian: true);

    private static bool HasPrefix(string s) => s.Length >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');

    private static string Shorten(string s) => s.Length > 24 ? s[..24] + "…" : s;
}
