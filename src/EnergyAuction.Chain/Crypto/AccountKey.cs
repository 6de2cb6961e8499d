using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using EnergyAuction.Chain.Hex;
using Nethereum.Signer;
using Nethereum.Signer.Crypto;

namespace EnergyAuction.Chain.Crypto;

/// <summary>An account's secp256k1 key pair (Nethereum's EthECKey underneath): address, deterministic low-s
/// signing (<see cref="RecoverableSignature"/>), public-key recovery.</summary>
public sealed class AccountKey
{
    private static readonly BigInteger Order =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private readonly EthECKey _key;

    public AccountKey(byte[] privateKey)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        if (privateKey.Length != 32) throw new ArgumentException($"a private key is 32 bytes, got {privateKey.Length}", nameof(privateKey));
        var d = new BigInteger(privateKey, isUnsigned: true, isBigEndian: true);
        if (d.IsZero || d >= Order) throw new ArgumentException("the private key is outside the secp256k1 range", nameof(privateKey));
        PrivateKey = (byte[])privateKey.Clone();
        _key = new EthECKey(PrivateKey, true);
        Address = ChainAddress.ToChecksum(_key.GetPublicAddress());
    }

    public AccountKey(string privateKeyHex) : this(HexConvert.FromHex(privateKeyHex).Length == 32
        ? HexConvert.FromHex(privateKeyHex)
        : throw new ArgumentException("a private key is 32 bytes of hex", nameof(privateKeyHex)))
    {
    }

    public static AccountKey GenerateNew()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetBytes(32);
            var d = new BigInteger(candidate, isUnsigned: true, isBigEndian: true);
            if (!d.IsZero && d < Order) return new AccountKey(candidate);
        }
    }

    /// <summary>EIP-55 checksummed address.</summary>
    public string Address { get; }

    public byte[] PrivateKey { get; }

    public string PrivateKeyHex => HexConvert.ToHex(PrivateKey);

    /// <summary>The 64-byte uncompressed public key x ‖ y (no 0x04 prefix).</summary>
    public byte[] PublicKey => _key.GetPubKeyNoPrefix();

    /// <summary>Signs a 32-byte hash deterministically (RFC 6979 nonce), with s normalised to the lower half (EIP-2).</summary>
    public EthSignature Sign(byte[] hash)
    {
        if (hash.Length != 32) throw new ArgumentException($"sign a 32-byte hash, got {hash.Length} bytes", nameof(hash));
        return RecoverableSignature.Sign(PrivateKey, hash);
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
        var ecdsa = EthECDSASignatureFactory.FromComponents(signature.R, signature.S, (byte)(27 + signature.RecoveryId));
        try
        {
            return ChainAddress.ToChecksum(EthECKey.RecoverFromSignature(ecdsa, hash).GetPublicAddress());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NullReferenceException)
        {
            throw new CryptographicException("the signature does not recover to a public key", e);
        }
    }

    public static string AddressFromPublicKey(byte[] publicKey64) => ChainAddress.ToChecksum(Keccak256.Hash(publicKey64).AsSpan(12));
}
