using System.CommandLine;
using EnergyAuction.Cli.Output;

namespace EnergyAuction.Cli;

/// <summary>What every command needs from its surroundings: where results go (Output) and where progress and warnings go (Error).</summary>
public sealed class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>The output helper for one invocation (JSON or table, from --json).</summary>
    public CommandOutput For(ParseResult parseResult) => new(Output, parseResult.GetValue(SharedOptions.Json));
}
