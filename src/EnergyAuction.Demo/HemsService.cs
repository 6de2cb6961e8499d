using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using EnergyAuction.Devnet;

namespace EnergyAuction.Demo;

/// <summary>The HEMS meter service as a child process on a loopback port, and the readings the households look at
/// before they trade (their battery, their expected consumption).</summary>
public sealed class HemsService : IAsyncDisposable
{
    /// <summary>Simulated seconds per chain second: one profile minute per chain second.</summary>
    public const long TimeScale = 60;

    private readonly ChildProcess _process;
    private readonly HttpClient _http;

    private HemsService(ChildProcess process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(10) };
    }

    public Uri BaseUrl { get; }

    /// <summary>The base URL as the oracle client and the daemon are given it (no trailing slash).</summary>
    public string Url => BaseUrl.ToString().TrimEnd('/');

    public int ProcessId => _process.Id;

    /// <summary>True when the data directory lacked the profiles and the HEMS replays generated ones.</summary>
    public bool GeneratedProfiles { get; private set; }

    /// <summary>Starts the HEMS with the demo's households, its meters starting at <paramref name="origin"/> (chain time).</summary>
    public static async Task<HemsService> StartAsync(string dataDirectory, string householdsFile, long origin, string logFile)
    {
        var port = LoopbackPort.Free();
        var url = $"http://127.0.0.1:{port}";
        var process = ChildProcess.Start("HEMS", "dotnet",
            [BuiltPrograms.Hems, "--urls", url, "--data-dir", dataDirectory, "--households", householdsFile,
                "--time-scale", TimeScale.ToString(CultureInfo.InvariantCulture), "--origin", origin.ToString(CultureInfo.InvariantCulture)],
            RepoPaths.Root, logFile: logFile);
        var hems = new HemsService(process, new Uri(url + "/"));
        try
        {
            var health = await Ready.WaitForJsonAsync(hems._http, "health", process).ConfigureAwait(false);
            hems.GeneratedProfiles = health.GetProperty("generatedProfiles").GetBoolean();
        }
        catch
        {
            await hems.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return hems;
    }

    /// <summary>Wh the household's battery holds now: what a prosumer can sell.</summary>
    public Task<long> BatteryWhAsync(string meter) => ValueAsync($"battery-soc/{meter}");

    /// <summary>Wh the meter will import during [from, to] (chain time): a consumer's expected consumption.</summary>
    public Task<long> ImportedWhAsync(string meter, ulong from, ulong to) => ValueAsync($"meters/{meter}/energy?from={from}&to={to}");

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private async Task<long> ValueAsync(string path)
    {
        using var response = await _http.GetAsync(path).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode) throw new DemoException($"HEMS GET /{path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("value").GetInt64();
    }
}
