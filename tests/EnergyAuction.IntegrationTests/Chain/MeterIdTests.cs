using EnergyAuction.Chain;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.IntegrationTests.Chain;

public sealed class MeterIdTests
{
    [Test]
    public void Packs_left_aligned_and_zero_padded_like_ethers_encodeBytes32String()
    {
        // ethers.encodeBytes32String("M-7")
        Assert.That(HexConvert.ToHex(MeterId.ToBytes32("M-7")), Is.EqualTo("0x4d2d370000000000000000000000000000000000000000000000000000000000"));
    }

    [TestCase("M-7")]
    [TestCase("abcdefghijkl")]
    [TestCase("node_650.a-B")]
    public void Round_trips(string id) => Assert.That(MeterId.FromBytes32(MeterId.ToBytes32(id)), Is.EqualTo(id));

    [TestCase("", "empty")]
    [TestCase("abcdefghijklm", "at most 12")]
    [TestCase("M 7", "' '")]
    [TestCase("M/7", "'/'")]
    [TestCase("Zähler", "'ä'")]
    public void Rejects_what_the_contract_rejects_with_the_reason(string id, string reason)
    {
        Assert.That(MeterId.IsValid(id), Is.False);
        Assert.That(() => MeterId.ToBytes32(id), Throws.ArgumentException.With.Message.Contains(reason));
    }

    [Test]
    public void Rejects_a_word_with_bytes_after_the_padding()
    {
        var word = MeterId.ToBytes32("M-7");
        word[31] = 1;
        Assert.That(() => MeterId.FromBytes32(word), Throws.TypeOf<FormatException>());
    }
}
