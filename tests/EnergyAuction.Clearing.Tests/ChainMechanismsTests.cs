using EnergyAuction.Clearing;
using EnergyAuction.Market.Clearing;
using ChainMechanism = EnergyAuction.Chain.Mechanism;

namespace EnergyAuction.Clearing.Tests;

public class ChainMechanismsTests
{
    [TestCase("dpda", ChainMechanism.Dpda, Mechanism.Dpda)]
    [TestCase("mcafee", ChainMechanism.Mcafee, Mechanism.Mcafee)]
    [TestCase("uniform", ChainMechanism.Uniform, Mechanism.Uniform)]
    public void Chain_engine_and_name_agree(string name, ChainMechanism onChain, Mechanism engine)
    {
        Assert.That(ChainMechanisms.Parse(name), Is.EqualTo(onChain));
        Assert.That(ChainMechanisms.ToEngine(onChain), Is.EqualTo(engine));
        Assert.That(ChainMechanisms.ToChain(engine), Is.EqualTo(onChain));
        Assert.That(ChainMechanisms.Name(onChain), Is.EqualTo(name));
    }

    [Test]
    public void A_mechanism_the_chain_names_but_this_version_does_not_know_is_an_error_not_dpda()
    {
        var error = Assert.Throws<InvalidDataException>(() => ChainMechanisms.ToEngine((ChainMechanism)7));
        Assert.That(error!.Message, Does.Contain("mechanism 7"));
    }

    [Test]
    public void An_unknown_name_is_refused()
    {
        Assert.Throws<FormatException>(() => ChainMechanisms.Parse("vickrey"));
    }
}
