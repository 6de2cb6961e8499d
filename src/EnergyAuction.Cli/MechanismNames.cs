using EnergyAuction.Market.Clearing;
using ChainMechanism = EnergyAuction.Chain.Mechanism;

namespace EnergyAuction.Cli;

/// <summary>The chain's mechanism enum and the market engine's, one name each ("dpda", "mcafee", "uniform").</summary>
public static class MechanismNames
{
    public static ChainMechanism Parse(string name) => ToChain(ClearingMechanisms.Parse(name));

    public static Mechanism ToEngine(ChainMechanism mechanism) => mechanism switch
    {
        ChainMechanism.Dpda => Mechanism.Dpda,
        ChainMechanism.Mcafee => Mechanism.Mcafee,
        ChainMechanism.Uniform => Mechanism.Uniform,
        _ => throw CliException.Failure($"the chain names clearing mechanism {(byte)mechanism}, which this tool does not know"),
    };

    public static ChainMechanism ToChain(Mechanism mechanism) => mechanism switch
    {
        Mechanism.Dpda => ChainMechanism.Dpda,
        Mechanism.Mcafee => ChainMechanism.Mcafee,
        _ => ChainMechanism.Uniform,
    };

    public static string Name(ChainMechanism mechanism) => ClearingMechanisms.Name(ToEngine(mechanism));
}
