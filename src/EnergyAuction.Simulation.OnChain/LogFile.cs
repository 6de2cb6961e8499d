using Microsoft.Extensions.Logging;

namespace EnergyAuction.Simulation.OnChain;

/// <summary>The in-process operator daemon's log lines in a file of the run's work directory, so the replay's own
/// output stays the verdict.</summary>
internal sealed class LogFile(string path) : ILoggerProvider
{
    private readonly Lock _lock = new();

    public string Path { get; } = path;

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_lock) File.AppendAllText(Path, line + Environment.NewLine);
    }

    private sealed class FileLogger(LogFile file, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                file.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
        }
    }
}
