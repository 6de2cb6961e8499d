using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Crypto;

/// <summary>An ECDSA signature over secp256k1: 32-byte r and s, and the recovery id (0 or 1).</summary>
public sealed record EthSignature(byte[] R, byte[] S, int RecoveryId)
{
    /// <summary>The 65-byte r ‖ s ‖ v form with v = 27 + recovery id, as personal_sign returns.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[65];
        R.CopyTo(bytes, 32 - R.Length);
        S.CopyTo(bytes, 64 - S.Length);
        bytes[64] = (byte)(27 + RecoveryId);
        return bytes;
    }

    public string ToHex() => HexConvert.ToHex(ToBytes());

    /// <summary>Reads r ‖ s ‖ v where v is 0/1 or 27/28.</summary>
    public static EthSignature FromBytes(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != 65) throw new FormatException($"a signature is 65 bytes, got {signature.Length}");
        var v = signature[64];
        var recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId is not (0 or 1)) throw new FormatException($"signature v={v} is neither 0/1 nor 27/28");
        return new EthSignature(signature[..32].ToArray(), signature[32..64].ToArray(), recoveryId);
    }

    public static EthSignature FromHex(string hex) => FromBytes(HexConvert.FromHex(hex));
}
