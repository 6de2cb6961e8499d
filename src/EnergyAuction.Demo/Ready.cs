using System.Text.Json;
using EnergyAuction.Devnet;

namespace EnergyAuction.Demo;

/// <summary>Waiting for a child service to answer over HTTP; if it dies or never answers, the error shows its output.</summary>
public static class Ready
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Waits for a 2xx answer of JSON at <paramref name="path"/> and returns it.</summary>
    public static async Task<JsonElement> WaitForJsonAsync(HttpClient http, string path, ChildProcess process) =>
        JsonDocument.Parse(await WaitForPageAsync(http, path, process).ConfigureAwait(false)).RootElement.Clone();

    /// <summary>Waits for a 2xx answer at <paramref name="path"/> and returns its body.</summary>
    public static async Task<string> WaitForPageAsync(HttpClient http, string path, ChildProcess process)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            if (process.HasExited) throw process.Failure("exited while starting");
            try
            {
                using var response = await http.GetAsync(path).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow to answer while starting
            }
            if (DateTime.UtcNow > deadline) throw process.Failure($"did not answer /{path} within {Timeout.TotalSeconds:0} s");
            await Task.Delay(200).ConfigureAwait(false);
        }
    }
}
