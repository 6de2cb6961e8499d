using System.Text;
using Nethereum.Util;

namespace EnergyAuction.Chain.Crypto;

/// <summary>Ethereum's Keccak-256 (the pre-standard padding, not NIST SHA3-256), from Nethereum.</summary>
public static class Keccak256
{
    public static byte[] Hash(ReadOnlySpan<byte> data) => Sha3Keccack.Current.CalculateHash(data.ToArray());

    public static byte[] Hash(byte[] data) => Sha3Keccack.Current.CalculateHash(data);

    public static byte[] Hash(string utf8) => Hash(Encoding.UTF8.GetBytes(utf8));
}
