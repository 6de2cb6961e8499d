namespace EnergyAuction.Operator.Oracle;

/// <summary>Chainlink request ids (bytes32) in one canonical text form: 0x + 64 lowercase hex digits.</summary>
public static class RequestIds
{
    /// <summary>The canonical form of <paramref name="requestId"/>; throws <see cref="FormatException"/> if it is not 32 bytes of hex.</summary>
    public static string Normalize(string requestId) => "0x" + Convert.ToHexStringLower(ToBytes(requestId));

    /// <summary>The 32 bytes of a request id given as hex, with or without 0x.</summary>
    public static byte[] ToBytes(string requestId)
    {
        var hex = requestId.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? requestId[2..] : requestId;
        if (hex.Length != 64) throw new FormatException($"request id must be 32 bytes of hex, got '{requestId}'");
        return Convert.FromHexString(hex);
    }
}
