using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>Expected values from ethers, as scripts/lib/result-hash.js computes the hash the contract chains over the
/// posted matches (docs/CONTRACTS.md "Result hash"); the Hardhat tests check the contract against that script.</summary>
public sealed class ClearingResultHashTests
{
    [Test]
    public void Equals_ethers_for_the_contract_tests_complete_window()
    {
        ChainMatch[] matches = [new(1, 5, 7_000, 450), new(1, 6, 3_000, 1_200), new(2, 6, 6_000, 300), new(2, 7, 2_000, 800), new(3, 7, 3_000, 1_900)];
        Assert.That(HexConvert.ToHex(ClearingResultHash.Compute(7, 125_000_000_011, matches)),
            Is.EqualTo("0xb35a81ec735ff3466fc6f66b456bbfe8aaf5c1cebf7b9ef1cfc8a022b2840890"));
    }

    [Test]
    public void Equals_ethers_for_no_matches() =>
        Assert.That(HexConvert.ToHex(ClearingResultHash.Compute(1, 1, [])),
            Is.EqualTo("0xcc69885fda6bcc1a4ace058b4a62bf5e179ea78fd58a1ccd71c22cc9b688792f"));

    [Test]
    public void Equals_ethers_at_the_type_maxima()
    {
        ChainMatch[] matches = [new(ulong.MaxValue, ulong.MaxValue - 1, ulong.MaxValue - 2, uint.MaxValue)];
        Assert.That(HexConvert.ToHex(ClearingResultHash.Compute(BigInteger.Pow(2, 256) - 1, BigInteger.Pow(2, 128) - 1, matches)),
            Is.EqualTo("0xc08f78e43a016e7f13a57486f319599ee41be511ed93bced810820fe261b8b02"));
    }

    [Test]
    public void Depends_on_match_order()
    {
        ChainMatch a = new(1, 2, 100, 10), b = new(3, 4, 200, 20);
        Assert.That(ClearingResultHash.Compute(1, 5, [a, b]), Is.Not.EqualTo(ClearingResultHash.Compute(1, 5, [b, a])));
    }
}
