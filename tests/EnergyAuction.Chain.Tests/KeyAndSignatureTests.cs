using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;

namespace EnergyAuction.Chain.Tests;

public class KeyAndSignatureTests
{
    [Test]
    public void Private_keys_give_the_same_checksummed_addresses_and_public_keys_as_ethers()
    {
        foreach (var v in Vectors.Items("keys.json"))
        {
            var key = new AccountKey(v.Str("privateKey"));
            Assert.That(key.Address, Is.EqualTo(v.Str("address")));
            Assert.That(HexConvert.ToHex([0x04, .. key.PublicKey]), Is.EqualTo(v.Str("publicKey")));
        }
    }

    [Test]
    public void Personal_sign_matches_ethers_byte_for_byte_and_recovers_the_signer()
    {
        foreach (var v in Vectors.Items("messages.json"))
        {
            var key = new AccountKey(v.Str("privateKey"));
            var signature = key.SignMessage(v.Str("message"));
            Assert.That(signature.ToHex(), Is.EqualTo(v.Str("signature")), v.Str("message"));
            Assert.That(AccountKey.RecoverFromMessage(v.Str("message"), v.Str("signature")), Is.EqualTo(v.Str("address")));
        }
    }

    [Test]
    public void A_signature_over_another_message_recovers_a_different_address()
    {
        var key = AccountKey.GenerateNew();
        var signature = key.SignMessage("sell 1000 Wh").ToHex();
        Assert.That(AccountKey.RecoverFromMessage("sell 9000 Wh", signature), Is.Not.EqualTo(key.Address));
    }

    [Test]
    public void Signatures_are_low_s()
    {
        var halfN = System.Numerics.BigInteger.Parse("7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0", System.Globalization.NumberStyles.HexNumber);
        for (var i = 0; i < 50; i++)
        {
            var signature = AccountKey.GenerateNew().Sign(Keccak256.Hash($"m{i}"));
            Assert.That(HexConvert.FromBigEndianUnsigned(signature.S), Is.LessThanOrEqualTo(halfN));
        }
    }

    [Test]
    public void Checksums_follow_eip55_and_bad_checksums_are_rejected()
    {
        const string address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        Assert.That(ChainAddress.ToChecksum(address.ToLowerInvariant()), Is.EqualTo(address));
        Assert.That(ChainAddress.IsValid(address), Is.True);
        Assert.That(ChainAddress.IsValid(address.ToLowerInvariant()), Is.True);
        Assert.That(ChainAddress.IsValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"), Is.False);
        Assert.That(ChainAddress.IsValid("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA"), Is.False);
    }

    [Test]
    public void Keccak_of_the_empty_input_is_the_known_constant()
    {
        Assert.That(HexConvert.ToHex(Keccak256.Hash([])),
            Is.EqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
    }

    [Test]
    public void Out_of_range_private_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new AccountKey(new byte[32]));
        Assert.Throws<ArgumentException>(() => new AccountKey("0x1234"));
    }
}
