using System.Numerics;
using EnergyAuction.Chain.Crypto;
using Nethereum.ABI;

namespace EnergyAuction.Chain;

/// <summary>The result hash EnergyTrade computes itself from the posted matches (docs/CONTRACTS.md "Result hash"),
/// whatever their batches: h0 = keccak256(abi.encode(uint256 windowId, uint256 price)), then per match in posting order
/// h = keccak256(abi.encode(bytes32 h, uint256 offerId, uint256 bidId, uint256 energyWh, uint256 distanceM)). A window
/// finalised without any batch hashes as price 0 with no match.</summary>
public static class ClearingResultHash
{
    public static byte[] Compute(BigInteger windowId, BigInteger price, IReadOnlyList<ChainMatch> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var abi = new ABIEncode();
        var h = Keccak256.Hash(abi.GetABIEncoded(new ABIValue("uint256", windowId), new ABIValue("uint256", price)));
        foreach (var m in matches)
        {
            h = Keccak256.Hash(abi.GetABIEncoded(new ABIValue("bytes32", h), new ABIValue("uint256", new BigInteger(m.OfferId)),
                new ABIValue("uint256", new BigInteger(m.BidId)), new ABIValue("uint256", new BigInteger(m.EnergyWh)),
                new ABIValue("uint256", new BigInteger(m.DistanceM))));
        }
        return h;
    }
}
