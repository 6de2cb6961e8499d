using System.Numerics;
using EnergyAuction.Ethereum.Crypto;

namespace EnergyAuction.Ethereum.Transactions;

/// <summary>An EIP-1559 (type 2) transaction with an empty access list.</summary>
public sealed record Eip1559Transaction(
    BigInteger Nonce, BigInteger MaxPriorityFeePerGas, BigInteger MaxFeePerGas, BigInteger GasLimit,
    string? To, BigInteger Value, byte[] Data)
{
    public const byte TypeByte = 0x02;

    public byte[] SigningHash(BigInteger chainId) => Crypto.Keccak256.Hash([TypeByte, .. Rlp.Rlp.EncodeList(Fields(chainId))]);

    /// <summary>The signed raw transaction bytes (0x02 ‖ rlp(...)) for eth_sendRawTransaction.</summary>
    public byte[] Sign(EthECKey key, BigInteger chainId)
    {
        var signature = key.Sign(SigningHash(chainId));
        return [TypeByte, .. Rlp.Rlp.EncodeList([
            .. Fields(chainId), Rlp.Rlp.EncodeElement(signature.RecoveryId),
            TransactionFields.Scalar(signature.R), TransactionFields.Scalar(signature.S)])];
    }

    private byte[][] Fields(BigInteger chainId) =>
    [
        Rlp.Rlp.EncodeElement(chainId), Rlp.Rlp.EncodeElement(Nonce), Rlp.Rlp.EncodeElement(MaxPriorityFeePerGas),
        Rlp.Rlp.EncodeElement(MaxFeePerGas), Rlp.Rlp.EncodeElement(GasLimit), TransactionFields.Recipient(To),
        Rlp.Rlp.EncodeElement(Value), Rlp.Rlp.EncodeElement(Data), Rlp.Rlp.EncodeList(),
    ];
}
