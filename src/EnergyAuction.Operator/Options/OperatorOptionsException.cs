namespace EnergyAuction.Operator.Options;

/// <summary>The daemon cannot start with this configuration; <see cref="Problems"/> says why.</summary>
public sealed class OperatorOptionsException(IReadOnlyList<string> problems)
    : Exception("invalid operator configuration: " + string.Join("; ", problems))
{
    /// <summary>One line per setting that cannot work.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
