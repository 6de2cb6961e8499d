using System.Numerics;

namespace EnergyAuction.Chain.Transactions;

/// <summary>The node is on another chain than the one transactions are meant for.</summary>
public sealed class WrongChainException(Uri endpoint, BigInteger actual, BigInteger expected)
    : Exception($"the node at {endpoint} is on chain {actual}, expected chain {expected}; refusing to sign")
{
    public BigInteger ActualChainId { get; } = actual;

    public BigInteger ExpectedChainId { get; } = expected;
}
