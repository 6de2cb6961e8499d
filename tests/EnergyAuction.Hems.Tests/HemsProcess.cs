using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace EnergyAuction.Hems.Tests;

/// <summary>The built HEMS program run as its own process, as an operator starts it: its output, exit code and address.</summary>
internal sealed partial class HemsProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HemsProcess(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>Starts <c>dotnet EnergyAuction.Hems.dll</c> on a free loopback port with <paramref name="environment"/> added.</summary>
    public static HemsProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "EnergyAuction.Hems.dll"));
        foreach (var arg in new[] { "--urls", "http://127.0.0.1:0", "--origin", HemsServer.January15.ToString() }.Concat(args))
            start.ArgumentList.Add(arg);
        start.Environment.Remove(HemsOptions.WriteTokenVariable);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var hems = new HemsProcess(Process.Start(start)!);
        hems._process.OutputDataReceived += (_, e) => hems.Record(e.Data);
        hems._process.ErrorDataReceived += (_, e) => hems.Record(e.Data);
        hems._process.BeginOutputReadLine();
        hems._process.BeginErrorReadLine();
        return hems;
    }

    /// <summary>The address the HEMS listens on, once it says so.</summary>
    public async Task<Uri> ListeningAsync()
    {
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(_listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.That(done, Is.SameAs(_listening.Task), $"the HEMS did not start listening:\n{Output}");
        return await _listening.Task;
    }

    /// <summary>The exit code, waiting at most a minute.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (ListeningLine().Match(line) is { Success: true } match) _listening.TrySetResult(new Uri(match.Groups[1].Value));
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
