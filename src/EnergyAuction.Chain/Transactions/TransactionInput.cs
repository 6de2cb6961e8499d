using System.Numerics;

namespace EnergyAuction.Chain.Transactions;

/// <summary>What to send: recipient (null deploys a contract), call data, wei attached, and optionally a fixed gas limit.
/// Usable positionally or as <c>new TransactionInput { To = …, Data = … }</c>.</summary>
public sealed record TransactionInput(string? To, byte[] Data, BigInteger Value = default, BigInteger? Gas = null)
{
    public TransactionInput() : this(null, [])
    {
    }
}
