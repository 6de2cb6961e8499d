using System.CommandLine;

namespace EnergyAuction.Cli;

/// <summary>
/// Runs the tool: parse, invoke, and turn every error into one line on stderr and an exit code
/// (2 usage or bad input, 1 failure); stack traces only with --verbose.
/// </summary>
public static class EnergyCli
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, null, cancellationToken);

    /// <param name="input">Who answers password and confirmation prompts; null = the process's terminal.</param>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IConsoleInput? input,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliContext(output, error, input), cancellationToken);

    /// <param name="context">Where output goes and who answers prompts (tests pass a terminal for live views).</param>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var (output, error) = (context.Output, context.Error);
        if (PasswordFlag.Find(args) is { } flag)
        {
            await error.WriteLineAsync($"error: {PasswordFlag.Refusal(flag)}");
            return ExitCodes.Usage;
        }

        var parseResult = RootCommandBuilder.Build(context).Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // A key typed where a file name or another flag belonged is echoed by the parser's messages; it is never printed.
            await error.WriteLineAsync($"error: {Secrets.Redact(string.Join("; ", parseResult.Errors.Select(e => e.Message)))} (see --help)");
            return ExitCodes.Usage;
        }

        var verbose = parseResult.GetValue(SharedOptions.Verbose);
        try
        {
            return await parseResult.InvokeAsync(
                new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false },
                cancellationToken);
        }
        catch (CliException e)
        {
            await WriteErrorAsync(error, e.Message, e, verbose);
            return e.ExitCode;
        }
        catch (OperationCanceledException e)
        {
            await WriteErrorAsync(error, "cancelled", e, verbose);
            return ExitCodes.Failure;
        }
        catch (Exception e) when (ChainErrors.Explain(e, parseResult) is { } explained)
        {
            await WriteErrorAsync(error, explained.Message, e, verbose);
            return explained.ExitCode;
        }
        catch (Exception e)
        {
            await WriteErrorAsync(error, $"{e.GetType().Name}: {e.Message}", e, verbose);
            return ExitCodes.Failure;
        }
    }

    private static async Task WriteErrorAsync(TextWriter error, string message, Exception exception, bool verbose)
    {
        await error.WriteLineAsync($"error: {OneLine(message)}");
        if (verbose)
            await error.WriteLineAsync(exception.ToString());
    }

    private static string OneLine(string message) => string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
