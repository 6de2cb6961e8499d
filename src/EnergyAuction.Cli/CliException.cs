namespace EnergyAuction.Cli;

/// <summary>
/// The one error path of the tool: a message for stderr (one line) and the exit code.
/// Commands throw it; <see cref="EnergyCli"/> prints it.
/// </summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failure, Exception? inner = null)
    : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Bad arguments or bad input: exit code 2.</summary>
    public static CliException Usage(string message, Exception? inner = null) => new(message, ExitCodes.Usage, inner);

    /// <summary>The command could not do its job: exit code 1.</summary>
    public static CliException Failure(string message, Exception? inner = null) => new(message, ExitCodes.Failure, inner);
}
