using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>Expected values from ethers, as tests/contracts/window.test.js computes the hash:
/// keccak256(AbiCoder.defaultAbiCoder().encode(["uint256","uint256","tuple(uint64,uint64,uint64,uint32)[]"], [windowId, price, matches])).</summary>
public sealed class ClearingResultHashTests
{
    [Test]
    public void Equals_ethers_for_the_contract_tests_complete_window()
    {
        ChainMatch[] matches = [new(1, 5, 7_000, 450), new(1, 6, 3_000, 1_200), new(2, 6, 6_000, 300), new(2, 7, 2_000, 800), new(3, 7, 3_000, 1_900)];
        Assert.That(HexConvert.ToHex(ClearingResultHash.Compute(7, 125_000_000_011, matches)),
            Is.EqualTo("0x9cae3366fb8392a7407b5d56721ad81fe3843420acc6f0a353cc7c44fc66663a"));
    }

    [Test]
    public void Equals_ethers_for_no_matches() =>
        Assert.That(HexConvert.ToHex(ClearingResultHash.Compute(1, 1, [])),
            Is.EqualTo("0x2009f3ef044213eb43d79c341b6704a52ba1234c4d10406728fe4b720eea6348"));

    [Test]
    public void Equals_ethers_at_the_type_maxima()
    {
        ChainMatch[] matches = [new(ulong.MaxValue, ulong.MaxValue - 1, ulong.MaxValue - 2, uint.MaxValue)];
        Assert.That(HexConvert.ToHex(ClearingResultHash.Compute(BigInteger.Pow(2, 256) - 1, BigInteger.Pow(2, 128) - 1, matches)),
            Is.EqualTo("0x73f897385d446995210c6bc8769aba516238c64c800080201dd9cdcba8618b0b"));
    }

    [Test]
    public void Depends_on_match_order()
    {
        ChainMatch a = new(1, 2, 100, 10), b = new(3, 4, 200, 20);
        Assert.That(ClearingResultHash.Compute(1, 5, [a, b]), Is.Not.EqualTo(ClearingResultHash.Compute(1, 5, [b, a])));
    }
}
