using System.Globalization;
using EnergyAuction.Devnet;

namespace EnergyAuction.Demo;

/// <summary>What the operator daemon is started with: the market, its keystore, the HEMS, and where it writes.</summary>
public sealed record DaemonSettings(
    string RpcUrl, string DeploymentFile, string KeystoreFile, string PasswordFile,
    string HemsUrl, string DataDirectory, string WorkDirectory);

/// <summary>
/// The market-operator daemon as a child process: it drives the phases, clears, serves the oracle and settles. The
/// demo opens the windows itself (`energy window open`), so the daemon opens none (--window-every 0). The keystore
/// password reaches it through a file, never a flag.
/// </summary>
public sealed partial class OperatorDaemon : IAsyncDisposable
{
    /// <summary>After this many failed rounds in a row a service is stuck, not riding out a transient fault.</summary>
    private const int StuckAfterRounds = 10;

    private readonly ChildProcess _process;

    private OperatorDaemon(ChildProcess process, Uri statusUrl)
    {
        _process = process;
        StatusUrl = statusUrl;
    }

    public Uri StatusUrl { get; }

    public int ProcessId => _process.Id;

    /// <summary>The daemon's last log lines, for error messages.</summary>
    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    /// <summary>The daemon logs and carries on when a round fails; when one of its services has failed
    /// <see cref="StuckAfterRounds"/> rounds in a row, this is its last complaint (otherwise null).</summary>
    public string? StuckService()
    {
        var lines = _process.Output.Split('\n');
        var failed = Array.FindLastIndex(lines, l => l.Contains("round failed (", StringComparison.Ordinal));
        var recovered = Array.FindLastIndex(lines, l => l.Contains("working again after", StringComparison.Ordinal));
        return failed > recovered && FailedRounds().Match(lines[failed]) is { Success: true } m
               && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) >= StuckAfterRounds
            ? lines[failed].Trim()
            : null;
    }

    /// <summary>Starts the daemon with its default batch sizing (batches cut to its gas budget by estimate).</summary>
    public static async Task<OperatorDaemon> StartAsync(DaemonSettings settings, int pollMilliseconds = 250)
    {
        var status = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var process = ChildProcess.Start("operator daemon", "dotnet",
            [BuiltPrograms.Operator, "--rpc-url", settings.RpcUrl, "--deployment", settings.DeploymentFile,
                "--keystore", settings.KeystoreFile, "--password-file", settings.PasswordFile,
                "--hems-url", settings.HemsUrl, "--data-dir", settings.DataDirectory,
                "--checkpoint", Path.Combine(settings.WorkDirectory, "oracle-checkpoint.json"), "--status-url", status,
                "--window-every", "0", "--poll-interval", pollMilliseconds.ToString(CultureInfo.InvariantCulture)],
            RepoPaths.Root, logFile: Path.Combine(settings.WorkDirectory, "operator.log"));
        var daemon = new OperatorDaemon(process, new Uri(status + "/"));
        try
        {
            using var http = new HttpClient { BaseAddress = daemon.StatusUrl, Timeout = TimeSpan.FromSeconds(5) };
            await Ready.WaitForJsonAsync(http, "health", process).ConfigureAwait(false);
        }
        catch
        {
            await daemon.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return daemon;
    }

    /// <summary>Peak resident memory of the daemon so far (VmHWM of its dotnet process), in KiB; null if unknown.</summary>
    public long? PeakMemoryKib() => ProcessTable.PeakMemoryKib(_process.Id, "dotnet");

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    [System.Text.RegularExpressions.GeneratedRegex(@"round failed \((\d+) in a row\)")]
    private static partial System.Text.RegularExpressions.Regex FailedRounds();
}
