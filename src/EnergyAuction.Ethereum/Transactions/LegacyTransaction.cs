using System.Numerics;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;

namespace EnergyAuction.Ethereum.Transactions;

/// <summary>A pre-1559 transaction signed with EIP-155 replay protection (v = chainId * 2 + 35 + recovery id).</summary>
public sealed record LegacyTransaction(
    BigInteger Nonce, BigInteger GasPrice, BigInteger GasLimit, string? To, BigInteger Value, byte[] Data)
{
    public byte[] SigningHash(BigInteger chainId) =>
        Crypto.Keccak256.Hash(Rlp.Rlp.EncodeList([.. Fields(), Rlp.Rlp.EncodeElement(chainId), Rlp.Rlp.EncodeElement([]), Rlp.Rlp.EncodeElement([])]));

    /// <summary>The signed raw transaction bytes for eth_sendRawTransaction.</summary>
    public byte[] Sign(EthECKey key, BigInteger chainId)
    {
        var signature = key.Sign(SigningHash(chainId));
        var v = chainId * 2 + 35 + signature.RecoveryId;
        return Rlp.Rlp.EncodeList([.. Fields(), Rlp.Rlp.EncodeElement(v), TransactionFields.Scalar(signature.R), TransactionFields.Scalar(signature.S)]);
    }

    private byte[][] Fields() =>
    [
        Rlp.Rlp.EncodeElement(Nonce), Rlp.Rlp.EncodeElement(GasPrice), Rlp.Rlp.EncodeElement(GasLimit),
        TransactionFields.Recipient(To), Rlp.Rlp.EncodeElement(Value), Rlp.Rlp.EncodeElement(Data),
    ];
}

internal static class TransactionFields
{
    public static byte[] Recipient(string? to) =>
        Rlp.Rlp.EncodeElement(to is null ? [] : HexConvert.FromHex(to).Length == 20
            ? HexConvert.FromHex(to)
            : throw new ArgumentException($"'{to}' is not a 20-byte address"));

    public static byte[] Scalar(byte[] bigEndian) => Rlp.Rlp.EncodeElement(bigEndian.SkipWhile(b => b == 0).ToArray());
}
