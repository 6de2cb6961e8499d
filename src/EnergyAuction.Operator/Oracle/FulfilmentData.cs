using System.Numerics;

namespace EnergyAuction.Operator.Oracle;

/// <summary>
/// The <c>data</c> argument of <c>Operator.fulfillOracleRequest2</c> for a uint256 answer:
/// abi.encode(bytes32 requestId, uint256 value). The Operator requires the data to begin with the
/// request id, and the oracle client's callback decodes the value that follows.
/// </summary>
public static class FulfilmentData
{
    private static readonly BigInteger Uint256Limit = BigInteger.One << 256;

    /// <summary>64 bytes: the 32-byte request id, then the value as a big-endian 32-byte word.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> requestId, BigInteger value)
    {
        if (requestId.Length != 32) throw new ArgumentException($"request id must be 32 bytes, got {requestId.Length}", nameof(requestId));
        if (value.Sign < 0 || value >= Uint256Limit) throw new ArgumentOutOfRangeException(nameof(value), value, "not a uint256");
        var data = new byte[64];
        requestId.CopyTo(data);
        var word = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        word.CopyTo(data, 64 - word.Length);
        return data;
    }

    /// <summary>As <see cref="Encode(ReadOnlySpan{byte}, BigInteger)"/> with the request id as 0x-prefixed hex.</summary>
    public static byte[] Encode(string requestId, BigInteger value) => Encode(RequestIds.ToBytes(requestId), value);
}
