using System.Collections.Concurrent;
using System.Text.Json;
using EnergyAuction.Cli;

namespace EnergyAuction.Demo;

/// <summary>
/// Runs the real `energy` commands in-process (EnergyCli.RunAsync), as a household or the operator would type them,
/// with --json so the demo can read the answers. The chain, deployment record and keystore folder come from the
/// ENERGY_* environment variables the demo sets; passwords from ENERGY_PASSWORD_FILE.
/// </summary>
public sealed class EnergyCommands(Progress progress)
{
    private readonly ConcurrentDictionary<string, bool> _shown = new();

    /// <summary>Runs `energy <paramref name="args"/> --json` and returns its JSON answer; a failure names the command and its error.</summary>
    public async Task<JsonElement> RunAsync(params string[] args)
    {
        var (code, json, error) = await TryRunAsync(args).ConfigureAwait(false);
        if (code != 0 || json is null)
            throw new DemoException($"`energy {string.Join(' ', args)}` failed (exit {code}): {error}");
        return json.Value;
    }

    /// <summary>Like <see cref="RunAsync"/>, but returns the exit code and JSON (null on failure) for commands whose
    /// non-zero exit is an answer, such as `market verify` saying the clearing differs.</summary>
    public async Task<(int ExitCode, JsonElement? Json, string Error)> TryRunAsync(params string[] args)
    {
        var kind = string.Join(' ', args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)));
        if (_shown.TryAdd(kind, true)) progress.Command("energy " + string.Join(' ', args));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EnergyCli.RunAsync([.. args, "--json"], output, error).ConfigureAwait(false);
        var text = output.ToString();
        return (code, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : null, error.ToString().Trim());
    }
}
