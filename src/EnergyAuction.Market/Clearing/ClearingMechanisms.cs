namespace EnergyAuction.Market.Clearing;

/// <summary>Factory and names ("dpda", "mcafee", "uniform") of the clearing mechanisms.</summary>
public static class ClearingMechanisms
{
    public const Mechanism Default = Mechanism.Dpda;

    private static readonly IClearingMechanism Dpda = new DpdaMechanism();
    private static readonly IClearingMechanism Mcafee = new McAfeeMechanism();
    private static readonly IClearingMechanism Uniform = new UniformMechanism();

    public static IClearingMechanism For(Mechanism mechanism) => mechanism switch
    {
        Mechanism.Dpda => Dpda,
        Mechanism.Mcafee => Mcafee,
        Mechanism.Uniform => Uniform,
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "unknown clearing mechanism"),
    };

    /// <summary>The name used in order-book files and on the command line.</summary>
    public static string Name(Mechanism mechanism) => mechanism switch
    {
        Mechanism.Dpda => "dpda",
        Mechanism.Mcafee => "mcafee",
        Mechanism.Uniform => "uniform",
        _ => throw new ArgumentOutOfRangeException(nameof(mechanism), mechanism, "unknown clearing mechanism"),
    };

    public static bool TryParse(string? name, out Mechanism mechanism)
    {
        switch (name)
        {
            case "dpda": mechanism = Mechanism.Dpda; return true;
            case "mcafee": mechanism = Mechanism.Mcafee; return true;
            case "uniform": mechanism = Mechanism.Uniform; return true;
            default: mechanism = Default; return false;
        }
    }

    /// <exception cref="FormatException">The name is not one of dpda, mcafee, uniform.</exception>
    public static Mechanism Parse(string name) =>
        TryParse(name, out var mechanism)
            ? mechanism
            : throw new FormatException($"unknown mechanism \"{name}\" (expected dpda, mcafee or uniform)");
}
