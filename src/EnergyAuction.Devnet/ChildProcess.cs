using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EnergyAuction.Devnet;

/// <summary>
/// A program started in its own process group that never outlives us: a small bash guard kills it when our end of
/// its stdin closes (also when we crash or are killed), and disposing stops the whole group, politely first
/// (SIGTERM, so a .NET host shuts down cleanly), then SIGKILL. Its output is kept (the last lines) for error messages
/// and optionally copied to a log file.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 400;
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    // The guard's own copy of stdin is fd 3; its watcher writes nowhere, so our output pipes close when the program exits.
    private const string Guard =
        "exec 3<&0; \"$0\" \"$@\" </dev/null & child=$!; " +
        "{ cat <&3 >/dev/null 2>&1; kill $child 2>/dev/null; } >/dev/null 2>&1 & wait $child";

    private readonly Process _process;
    private readonly Queue<string> _lines = new();
    private readonly StreamWriter? _log;

    private ChildProcess(string name, Process process, StreamWriter? log)
    {
        Name = name;
        _process = process;
        _log = log;
    }

    /// <summary>What the program is called in messages, e.g. "hardhat node".</summary>
    public string Name { get; }

    /// <summary>The guard's process id, which is also the process group id of everything started under it.</summary>
    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the program wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_lines) return string.Join('\n', _lines);
        }
    }

    /// <summary>Starts <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="environment">Variables added to ours (secrets go here, never into arguments).</param>
    /// <param name="logFile">Where to copy every output line, if anywhere.</param>
    /// <param name="onLine">Called with every output line (progress displays).</param>
    public static ChildProcess Start(string name, string program, IEnumerable<string> arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, string? logFile = null, Action<string>? onLine = null)
    {
        var start = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "bash", "-c", Guard, program }.Concat(arguments))
            start.ArgumentList.Add(arg);
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var log = logFile is null ? null : new StreamWriter(logFile, append: false) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name} ({program})");
        var child = new ChildProcess(name, process, log);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, onLine);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, onLine);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the program to exit by itself.</summary>
    public Task WaitForExitAsync(CancellationToken ct = default) => _process.WaitForExitAsync(ct);

    /// <summary>An error that names the program, says what went wrong and shows its last output.</summary>
    public InvalidOperationException Failure(string what) =>
        new($"{Name} {what}{(HasExited ? $" (exit code {ExitCode})" : "")}. Its last output:\n{Output}");

    /// <summary>Stops the whole process group: SIGTERM, then SIGKILL after a grace period.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (!_process.HasExited)
        {
            _ = Kill(-_process.Id, SigTerm);
            using var wait = new CancellationTokenSource(grace ?? StopGrace);
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // It did not stop in time; SIGKILL below.
            }
        }
        // Whatever is left of the group (the guard's watcher, a grandchild) goes too.
        _ = Kill(-_process.Id, SigKill);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    /// <summary>Kills the whole process group at once (fault tests: the program disappears mid-run).</summary>
    public async Task KillAsync()
    {
        _ = Kill(-_process.Id, SigKill);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // already reaped
        }
        _process.Dispose();
        if (_log is not null) await _log.DisposeAsync().ConfigureAwait(false);
    }

    private void Append(string? line, Action<string>? onLine)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > KeptLines) _lines.Dequeue();
            _log?.WriteLine(line);
        }
        onLine?.Invoke(line);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
