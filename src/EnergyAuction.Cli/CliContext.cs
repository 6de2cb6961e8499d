using System.CommandLine;
using EnergyAuction.Cli.Output;

namespace EnergyAuction.Cli;

/// <summary>What every command needs from its surroundings: where results go (Output), where progress and
/// warnings go (Error), who answers prompts (Input), and the terminal for live views (Terminal; null when the output
/// is not a terminal).</summary>
public sealed class CliContext(TextWriter output, TextWriter error, IConsoleInput? input = null, Spectre.Console.IAnsiConsole? terminal = null)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public IConsoleInput Input { get; } = input ?? new SystemConsoleInput();

    public Spectre.Console.IAnsiConsole? Terminal { get; } = terminal
        ?? (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? Spectre.Console.AnsiConsole.Console : null);

    /// <summary>The output helper for one invocation (JSON or table, from --json).</summary>
    public CommandOutput For(ParseResult parseResult) => new(Output, parseResult.GetValue(SharedOptions.Json));

    /// <summary>A progress or hint line on stderr (never mixed into results on stdout).</summary>
    public void Note(string text) => Error.WriteLine(text);
}
