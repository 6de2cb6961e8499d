using System.Security.Cryptography;
using ECPoint = Org.BouncyCastle.Math.EC.ECPoint;
using System.Text;
using EnergyAuction.Ethereum.Hex;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Math.EC;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace EnergyAuction.Ethereum.Crypto;

/// <summary>A secp256k1 key pair: address, deterministic (RFC 6979) low-s signing, public-key recovery.</summary>
public sealed class EthECKey
{
    // The custom curve implementation (GLV endomorphism, fast field arithmetic) signs ~20x faster than the generic one.
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");
    private static readonly FixedPointCombMultiplier BaseMultiplier = new();
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private static readonly BcBigInteger HalfN = Curve.N.ShiftRight(1);

    private readonly BcBigInteger _d;
    private readonly byte[] _publicKey;

    public EthECKey(byte[] privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.Length != 32) throw new ArgumentException($"a private key is 32 bytes, got {privateKey.Length}", nameof(privateKey));
        _d = new BcBigInteger(1, privateKey);
        if (_d.SignValue == 0 || _d.CompareTo(Curve.N) >= 0)
            throw new ArgumentException("the private key is outside the secp256k1 range", nameof(privateKey));
        _publicKey = Uncompressed(BaseMultiplier.Multiply(Domain.G, _d).Normalize());
        Address = AddressFromPublicKey(_publicKey);
    }

    public EthECKey(string privateKeyHex) : this(HexConvert.FromHex(privateKeyHex).Length == 32
        ? HexConvert.FromHex(privateKeyHex)
        : throw new ArgumentException("a private key is 32 bytes of hex", nameof(privateKeyHex)))
    {
    }

    public static EthECKey GenerateNew()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetBytes(32);
            var d = new BcBigInteger(1, candidate);
            if (d.SignValue > 0 && d.CompareTo(Curve.N) < 0) return new EthECKey(candidate);
        }
    }

    /// <summary>EIP-55 checksummed address.</summary>
    public string Address { get; }

    public byte[] PrivateKey => _d.ToByteArrayUnsigned().PadLeft32();

    public string PrivateKeyHex => HexConvert.ToHex(PrivateKey);

    /// <summary>The 64-byte uncompressed public key x ‖ y (no 0x04 prefix).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>Signs a 32-byte hash deterministically (RFC 6979 nonce), with s normalised to the lower half (EIP-2).
    /// The recovery id comes from the nonce point itself, so no trial recovery is needed.</summary>
    public EthSignature Sign(byte[] hash)
    {
        if (hash.Length != 32) throw new ArgumentException($"sign a 32-byte hash, got {hash.Length} bytes", nameof(hash));
        var n = Curve.N;
        var e = new BcBigInteger(1, hash);
        var kCalculator = new HMacDsaKCalculator(new Sha256Digest());
        kCalculator.Init(n, _d, hash);
        while (true)
        {
            var k = kCalculator.NextK();
            var point = BaseMultiplier.Multiply(Domain.G, k).Normalize();
            var x = point.AffineXCoord.ToBigInteger();
            var r = x.Mod(n);
            if (r.SignValue == 0) continue;
            var s = k.ModInverse(n).Multiply(e.Add(_d.Multiply(r))).Mod(n);
            if (s.SignValue == 0) continue;
            var recoveryId = (point.AffineYCoord.TestBitZero() ? 1 : 0) | (x.CompareTo(n) >= 0 ? 2 : 0);
            if (s.CompareTo(HalfN) > 0)
            {
                s = n.Subtract(s);
                recoveryId ^= 1;
            }
            if (recoveryId > 1) continue;
            return new EthSignature(r.ToByteArrayUnsigned().PadLeft32(), s.ToByteArrayUnsigned().PadLeft32(), recoveryId);
        }
    }

    /// <summary>EIP-191 personal_sign of a UTF-8 message.</summary>
    public EthSignature SignMessage(string message) => SignMessage(Encoding.UTF8.GetBytes(message));

    /// <summary>EIP-191 personal_sign: signs keccak256("\x19Ethereum Signed Message:\n" + len + message).</summary>
    public EthSignature SignMessage(byte[] message) => Sign(HashMessage(message));

    public static byte[] HashMessage(byte[] message)
    {
        var prefix = Encoding.UTF8.GetBytes($"\u0019Ethereum Signed Message:\n{message.Length}");
        return Keccak256.Hash([.. prefix, .. message]);
    }

    /// <summary>The address that personal_signed a UTF-8 message.</summary>
    public static string RecoverFromMessage(string message, string signatureHex) =>
        RecoverFromMessage(Encoding.UTF8.GetBytes(message), EthSignature.FromHex(signatureHex));

    public static string RecoverFromMessage(byte[] message, EthSignature signature) =>
        RecoverAddress(HashMessage(message), signature);

    /// <summary>The address whose key produced the signature over the hash.</summary>
    public static string RecoverAddress(byte[] hash, EthSignature signature)
    {
        var publicKey = Recover(hash, new BcBigInteger(1, signature.R), new BcBigInteger(1, signature.S), signature.RecoveryId)
            ?? throw new CryptographicException("the signature does not recover to a public key");
        return AddressFromPublicKey(publicKey);
    }

    public static string AddressFromPublicKey(byte[] publicKey64)
    {
        var hash = Keccak256.Hash(publicKey64);
        return AddressUtil.ToChecksum(hash.AsSpan(12));
    }

    // SEC 1 v2, section 4.1.6: Q = r^-1 (sR - eG), R the curve point with x = r (+ n) and the parity of the recovery id.
    private static byte[]? Recover(byte[] hash, BcBigInteger r, BcBigInteger s, int recoveryId)
    {
        var n = Curve.N;
        if (r.SignValue <= 0 || r.CompareTo(n) >= 0 || s.SignValue <= 0 || s.CompareTo(n) >= 0) return null;
        var x = r.Add(n.Multiply(BcBigInteger.ValueOf(recoveryId / 2)));
        var prime = Curve.Curve.Field.Characteristic;
        if (x.CompareTo(prime) >= 0) return null;
        var encoded = new byte[33];
        encoded[0] = (byte)((recoveryId & 1) == 1 ? 0x03 : 0x02);
        x.ToByteArrayUnsigned().PadLeft32().CopyTo(encoded, 1);
        ECPoint point;
        try
        {
            point = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var e = new BcBigInteger(1, hash);
        var rInv = r.ModInverse(n);
        var q = ECAlgorithms.SumOfTwoMultiplies(Domain.G, e.Negate().Mod(n).Multiply(rInv).Mod(n), point, s.Multiply(rInv).Mod(n)).Normalize();
        return q.IsInfinity ? null : Uncompressed(q);
    }

    private static byte[] Uncompressed(ECPoint point) => point.GetEncoded(false)[1..];
}

internal static class ByteArrayPadding
{
    public static byte[] PadLeft32(this byte[] bytes)
    {
        if (bytes.Length == 32) return bytes;
        if (bytes.Length > 32) throw new ArgumentException("more than 32 bytes");
        var padded = new byte[32];
        bytes.CopyTo(padded, 32 - bytes.Length);
        return padded;
    }
}
