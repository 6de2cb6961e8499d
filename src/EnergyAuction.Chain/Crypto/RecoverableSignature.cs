using NBitcoin.Secp256k1;

namespace EnergyAuction.Chain.Crypto;

/// <summary>Recoverable secp256k1 signing on libsecp256k1's C# port (RFC 6979 nonce, low s), from the full 32-byte key.</summary>
/// <remarks>Nethereum's recoverable signer rebuilds the key from its integer value and so fails on the one key in 256
/// whose first byte is zero ("b32 should be of length 32"); every signature of this project goes through here instead.</remarks>
internal static class RecoverableSignature
{
    public static EthSignature Sign(byte[] privateKey, byte[] hash)
    {
        using var key = ECPrivKey.Create(privateKey, Context.Instance);
        if (!key.TrySignRecoverable(hash, out var signature) || signature is null)
            throw new InvalidOperationException("secp256k1 could not sign the hash");
        Span<byte> compact = stackalloc byte[64];
        signature.WriteToSpanCompact(compact, out var recoveryId);
        return new EthSignature(compact[..32].ToArray(), compact[32..].ToArray(), recoveryId);
    }
}
