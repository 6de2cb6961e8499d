using EnergyAuction.Devnet;

namespace EnergyAuction.Demo;

/// <summary>The market explorer (read-only web pages of the market) as a child process on a loopback port.</summary>
public sealed class ExplorerService : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ExplorerService(ChildProcess process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The address a person opens in a browser, e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the explorer on the demo's node and deployment and waits until its Market page renders.</summary>
    public static async Task<ExplorerService> StartAsync(string rpcUrl, string deploymentFile, string dataDirectory, string logFile)
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var process = ChildProcess.Start("explorer", "dotnet",
            [BuiltPrograms.Explorer, "--rpc", rpcUrl, "--deployment", deploymentFile, "--data-dir", dataDirectory, "--urls", url],
            RepoPaths.Root, logFile: logFile);
        var explorer = new ExplorerService(process, url);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url + "/"), Timeout = TimeSpan.FromSeconds(10) };
            await Ready.WaitForPageAsync(http, "", process).ConfigureAwait(false);
        }
        catch
        {
            await explorer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return explorer;
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
