using System.Numerics;
using EnergyAuction.Chain.Crypto;
using Nethereum.ABI;
using Nethereum.ABI.FunctionEncoding.Attributes;
using GeneratedMatch = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition.Match;

namespace EnergyAuction.Chain;

/// <summary>The hash the operator commits with finaliseClearing:
/// keccak256(abi.encode(uint256 windowId, uint256 price, (uint64,uint64,uint64,uint32)[] matches)),
/// matches in posting order (the same encoding the contract tests compute with ethers).</summary>
public static class ClearingResultHash
{
    public static byte[] Compute(BigInteger windowId, BigInteger price, IReadOnlyList<ChainMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var encoded = new ABIEncode().GetABIParamsEncoded(new ResultHashInput
        {
            WindowId = windowId,
            Price = price,
            Matches = [.. matches.Select(m => m.ToGenerated())],
        });
        return Keccak256.Hash(encoded);
    }

    private sealed class ResultHashInput
    {
        [Parameter("uint256", "windowId", 1)]
        public BigInteger WindowId { get; set; }

        [Parameter("uint256", "price", 2)]
        public BigInteger Price { get; set; }

        [Parameter("tuple[]", "matches", 3)]
        public List<GeneratedMatch> Matches { get; set; } = [];
    }
}
