using System.Numerics;
using EnergyAuction.Ethereum.Abi;
using EnergyAuction.Ethereum.Crypto;

namespace EnergyAuction.Chain;

/// <summary>The hash the operator commits with finaliseClearing:
/// keccak256(abi.encode(uint256 windowId, uint256 price, (uint64,uint64,uint64,uint32)[] matches)),
/// matches in posting order (the same encoding the contract tests compute with ethers).</summary>
public static class ClearingResultHash
{
    private static readonly string[] Types = ["uint256", "uint256", "(uint64,uint64,uint64,uint32)[]"];

    public static byte[] Compute(BigInteger windowId, BigInteger price, IReadOnlyList<ChainMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        object?[] tuples = [.. matches.Select(m => new object?[] { m.OfferId, m.BidId, m.EnergyWh, m.DistanceM })];
        return Keccak256.Hash(AbiEncoder.Encode(Types, windowId, price, tuples));
    }
}
