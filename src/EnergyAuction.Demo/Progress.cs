namespace EnergyAuction.Demo;

/// <summary>What the demo is doing, one line per step with the seconds since it started.</summary>
public sealed class Progress(TextWriter output)
{
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly Lock _lock = new();

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Step(string message)
    {
        lock (_lock) output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {message}");
    }

    /// <summary>A command as a user would type it, shown once per kind so the reader sees how it is done.</summary>
    public void Command(string commandLine)
    {
        lock (_lock) output.WriteLine($"          $ {commandLine}");
    }
}
