using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Demo;

/// <summary>The built demo run with --keep-running as a person runs it: its own process (so Ctrl+C's SIGINT reaches it
/// directly), its output read line by line while it runs, stopped with SIGINT.</summary>
public sealed partial class RunningDemo : IAsyncDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly List<string> _lines = [];

    private RunningDemo(Process process, string summaryFile)
    {
        _process = process;
        SummaryFile = summaryFile;
    }

    /// <summary>Where the demo writes its JSON summary once it has stopped everything.</summary>
    public string SummaryFile { get; }

    public int ExitCode => _process.ExitCode;

    public string Output
    {
        get
        {
            lock (_lines) return string.Join('\n', _lines);
        }
    }

    private static string Configuration =>
        typeof(RunningDemo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static RunningDemo Start(params string[] args)
    {
        var summaryFile = Path.Combine(Path.GetTempPath(), $"demo-summary-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { RepoPaths.BuiltProgram("EnergyAuction.Demo", Configuration) }.Concat(args).Concat(["--keep-running", "--json-summary", summaryFile]))
            start.ArgumentList.Add(arg);
        var demo = new RunningDemo(Process.Start(start)!, summaryFile);
        demo._process.OutputDataReceived += (_, e) => demo.Append(e.Data);
        demo._process.ErrorDataReceived += (_, e) => demo.Append(e.Data);
        demo._process.BeginOutputReadLine();
        demo._process.BeginErrorReadLine();
        return demo;
    }

    /// <summary>Waits until the demo says the market keeps running and returns the explorer address it printed.</summary>
    public async Task<Uri> WaitForExplorerAsync()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (KeepsRunning().Match(Output) is { Success: true } m) return new Uri(m.Groups[1].Value);
            await Task.Delay(250);
        }
        Assert.Fail($"the demo did not say it keeps running (exited: {_process.HasExited}); its output:\n{Output}");
        return null!;
    }

    /// <summary>Sends SIGINT (what Ctrl+C sends) and waits for the demo to exit. A program started under a background job
    /// of a non-interactive shell (as a CI runner may start the tests) inherits SIGINT ignored, as its terminal's
    /// Ctrl+C would not reach it either; then it gets SIGTERM, which the demo handles the same way.</summary>
    public async Task InterruptAsync()
    {
        _ = Kill(_process.Id, IgnoresSigInt(_process.Id) ? SigTerm : SigInt);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the demo did not stop within a minute of Ctrl+C; its output:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        File.Delete(SummaryFile);
    }

    private static bool IgnoresSigInt(int pid)
    {
        var ignored = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return ignored is not null && (Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add(line);
    }

    [GeneratedRegex(@"The market keeps running\. Explorer: (http://\S+)")]
    private static partial Regex KeepsRunning();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
