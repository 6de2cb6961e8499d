using EnergyAuction.Market.Clearing;
using ChainMechanism = EnergyAuction.Chain.Mechanism;

namespace EnergyAuction.Clearing;

/// <summary>
/// The chain's mechanism enum and the market engine's, one mapping for the daemon, `market verify` and the CLI,
/// named as in order-book files and on the command line ("dpda", "mcafee", "uniform").
/// </summary>
public static class ChainMechanisms
{
    /// <exception cref="InvalidDataException">The chain names a mechanism this version does not know.</exception>
    public static Mechanism ToEngine(ChainMechanism mechanism) => mechanism switch
    {
        ChainMechanism.Dpda => Mechanism.Dpda,
        ChainMechanism.Mcafee => Mechanism.Mcafee,
        ChainMechanism.Uniform => Mechanism.Uniform,
        _ => throw new InvalidDataException($"the chain names clearing mechanism {(byte)mechanism}, which this version does not know"),
    };

    public static ChainMechanism ToChain(Mechanism mechanism) => mechanism switch
    {
        Mechanism.Dpda => ChainMechanism.Dpda,
        Mechanism.Mcafee => ChainMechanism.Mcafee,
        Mechanism.Uniform => ChainMechanism.Uniform,
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "unknown clearing mechanism"),
    };

    /// <exception cref="FormatException">The name is not one of dpda, mcafee, uniform.</exception>
    public static ChainMechanism Parse(string name) => ToChain(ClearingMechanisms.Parse(name));

    public static string Name(ChainMechanism mechanism) => ClearingMechanisms.Name(ToEngine(mechanism));
}
