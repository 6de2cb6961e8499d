using EnergyAuction.Chain.Hex;
using NethereumAddressUtil = Nethereum.Util.AddressUtil;

namespace EnergyAuction.Chain.Crypto;

/// <summary>Account and contract addresses: 20 bytes as 0x-hex, written in the EIP-55 mixed-case checksum form.</summary>
public static class ChainAddress
{
    public const string ZeroAddress = "0x0000000000000000000000000000000000000000";

    /// <summary>The EIP-55 form of a 20-byte address given in any case.</summary>
    public static string ToChecksum(string address) =>
        IsWellFormed(address)
            ? NethereumAddressUtil.Current.ConvertToChecksumAddress(address)
            : throw new FormatException($"'{address}' is not a 20-byte hex address");

    public static string ToChecksum(ReadOnlySpan<byte> address20) => ToChecksum(HexConvert.ToHex(address20));

    /// <summary>True for a 20-byte hex address that is all lower case, all upper case, or correctly checksummed.</summary>
    public static bool IsValid(string? address)
    {
        if (address is null || !IsWellFormed(address)) return false;
        var body = address[2..];
        if (body == body.ToLowerInvariant() || body == body.ToUpperInvariant()) return true;
        return ToChecksum(address) == address;
    }

    public static bool AreEqual(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The zero address: what the contracts return for an account that was never set.</summary>
    public static bool IsZero(string address) => AreEqual(address, "0x0000000000000000000000000000000000000000");

    private static bool IsWellFormed(string address) =>
        address.Length == 42 && address[0] == '0' && (address[1] == 'x' || address[1] == 'X')
        && address.Skip(2).All(Uri.IsHexDigit);
}
