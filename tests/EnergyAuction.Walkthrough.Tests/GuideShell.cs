using System.Diagnostics;
using System.Text;

namespace EnergyAuction.Walkthrough.Tests;

/// <summary>
/// One bash process the guide's commands are typed into, one after the other, so `export`, `cd`, functions, variables
/// and background jobs carry over as in the reader's terminal. Commands read /dev/null as stdin (nobody answers a
/// prompt); their stdout and stderr are captured together. Bash leads its own process group, and every background
/// job the guide starts stays in it, so <see cref="DisposeAsync"/> stops all of them at once.
/// </summary>
public sealed class GuideShell : IAsyncDisposable
{
    // The commands arrive on fd 3 (the pipe), NUL-terminated; each one's exit status follows its output after a marker.
    private const string Driver =
        "exec 3<&0 0</dev/null 2>&1; while IFS= read -r -d '' __guide_command <&3; do eval \"$__guide_command\"; printf '\\n%s %s\\n' \"$GUIDE_DONE\" \"$?\"; done";

    private readonly Process _bash;
    private readonly int _group;
    private readonly string _done = "@@guide-done-" + Guid.NewGuid().ToString("N");
    private readonly StringBuilder _output = new();
    private readonly SemaphoreSlim _lines = new(0);
    private readonly Queue<string> _unread = new();

    public GuideShell(string workingDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("setsid", ["bash", "--noprofile", "--norc", "-c", Driver])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["GUIDE_DONE"] = _done;
        _bash = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        _group = _bash.Id;
        _bash.OutputDataReceived += (_, e) => Received(e.Data);
        _bash.ErrorDataReceived += (_, e) => Received(e.Data);
        _bash.BeginOutputReadLine();
        _bash.BeginErrorReadLine();
    }

    /// <summary>Everything the shell printed so far, for failure messages.</summary>
    public string Transcript
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Types <paramref name="command"/> and waits for it to finish: its exit status and what it printed.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string command, TimeSpan timeout)
    {
        lock (_output) _output.Append("$ ").AppendLine(command);
        await _bash.StandardInput.WriteAsync(command + "\0");
        await _bash.StandardInput.FlushAsync();
        var printed = new StringBuilder();
        using var expiry = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                await _lines.WaitAsync(expiry.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"`{command}` did not finish within {timeout.TotalSeconds:0} s; it printed:\n{printed}");
            }

            string line;
            lock (_unread) line = _unread.Dequeue();
            if (line.StartsWith(_done + " ", StringComparison.Ordinal))
                return (int.Parse(line[(_done.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture), printed.ToString().TrimEnd('\n'));
            printed.AppendLine(line);
        }
    }

    /// <summary>The ids of the processes still in the shell's group (bash itself and the guide's background jobs).</summary>
    public IReadOnlyList<int> GroupMembers()
    {
        var members = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                // /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces, so count from the last ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture) == _group) members.Add(pid);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }

        return members;
    }

    /// <summary>Stops the shell and every process it started: SIGTERM to the group, SIGKILL to what is left after 10 s.</summary>
    public async ValueTask DisposeAsync()
    {
        Signal("TERM");
        for (var i = 0; i < 100 && GroupMembers().Count > 0; i++) await Task.Delay(100);
        if (GroupMembers().Count > 0) Signal("KILL");
        for (var i = 0; i < 50 && GroupMembers().Count > 0; i++) await Task.Delay(100);
        _bash.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, "--", "-" + _group.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false, RedirectStandardError = true });
        kill?.WaitForExit();
    }

    private void Received(string? line)
    {
        if (line is null) return;
        lock (_output)
            if (!line.StartsWith(_done, StringComparison.Ordinal)) _output.AppendLine(line);
        lock (_unread) _unread.Enqueue(line);
        _lines.Release();
    }
}
