using System.Numerics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using Nethereum.Model;
using Nethereum.Signer;

namespace EnergyAuction.Chain.Transactions;

/// <summary>Signed raw transactions for eth_sendRawTransaction, built and signed by Nethereum: EIP-1559 (type 2,
/// empty access list) or legacy with EIP-155 replay protection for chains without a base fee.</summary>
internal static class RawTransactions
{
    public static byte[] Eip1559(AccountKey key, BigInteger chainId, BigInteger nonce, BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerGas, BigInteger gasLimit, string? to, BigInteger value, byte[] data)
    {
        var transaction = new Transaction1559(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to ?? "",
            value, HexConvert.ToHex(data), []);
        new Transaction1559Signer().SignTransaction(key.Signer, transaction);
        return transaction.GetRLPEncoded();
    }

    public static byte[] Legacy(AccountKey key, BigInteger chainId, BigInteger nonce, BigInteger gasPrice, BigInteger gasLimit,
        string? to, BigInteger value, byte[] data)
    {
        var signed = new LegacyTransactionSigner().SignTransaction(key.PrivateKey, chainId, to ?? "", value, nonce, gasPrice, gasLimit, HexConvert.ToHex(data));
        return HexConvert.FromHex(signed);
    }
}
