using System.Numerics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using Nethereum.Model;

namespace EnergyAuction.Chain.Transactions;

/// <summary>Signed raw transactions for eth_sendRawTransaction, built by Nethereum, signed by <see cref="AccountKey.Sign"/>: EIP-1559 (type 2,
/// empty access list) or legacy with EIP-155 replay protection for chains without a base fee.</summary>
internal static class RawTransactions
{
    public static byte[] Eip1559(AccountKey key, BigInteger chainId, BigInteger nonce, BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas, BigInteger gasLimit, string? to, BigInteger value, byte[] data)
    {
        var transaction = new Transaction1559(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to ?? "",
            value, HexConvert.ToHex(data), []);
        var signature = key.Sign(Keccak256.Hash(transaction.GetRLPEncodedRaw()));
        transaction.SetSignature(new Signature(signature.R, signature.S, MinimalBigEndian(signature.RecoveryId)));
        return transaction.GetRLPEncoded();
    }

    public static byte[] Legacy(AccountKey key, BigInteger chainId, BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit,
        string? to, BigInteger value, byte[] data)
    {
        var transaction = new LegacyTransactionChainId(to ?? "", value, nonce, gasPrice, gasLimit, HexConvert.ToHex(data), chainId);
        var signature = key.Sign(transaction.RawHash);
        // EIP-155: v = recovery id + chain id * 2 + 35.
        transaction.SetSignature(new Signature(signature.R, signature.S, MinimalBigEndian(chainId * 2 + 35 + signature.RecoveryId)));
        return transaction.GetRLPEncoded();
    }

    /// <summary>An RLP integer: big-endian without leading zeros, empty for zero.</summary>
    private static byte[] MinimalBigEndian(BigInteger value) =>
        value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
}
