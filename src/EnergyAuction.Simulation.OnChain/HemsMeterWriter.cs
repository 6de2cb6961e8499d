using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace EnergyAuction.Simulation.OnChain;

/// <summary>
/// Feeds the HEMS what each household's meter shows (POST /meters/{id}/readings with the write token): the energy an
/// offer can deliver as its battery reading, and the cumulative import and export registers at each window's transfer
/// interval, so the oracle reads the scenario's actual energy.
/// </summary>
internal sealed class HemsMeterWriter(Uri hems, string writeToken) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = hems, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", writeToken) } };
    private readonly Dictionary<string, (long Import, long Export)> _registers = new(StringComparer.Ordinal);

    /// <summary>The energy <paramref name="meter"/> can sell now (the HEMS answers the latest battery reading at or before now).</summary>
    public Task SetAvailableAsync(string meter, long wh) =>
        PostAsync(meter, new { timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), batteryWh = wh });

    /// <summary>The registers advance by the window's import and export over [from, to] (chain timestamps) and stay flat outside it.</summary>
    public Task DeliverAsync(string meter, ulong from, ulong to, long importWh, long exportWh)
    {
        var (import, export) = _registers.GetValueOrDefault(meter);
        _registers[meter] = (import + importWh, export + exportWh);
        return PostAsync(meter,
            new { timestamp = (long)from, importWh = import, exportWh = export },
            new { timestamp = (long)to, importWh = import + importWh, exportWh = export + exportWh });
    }

    public void Dispose() => _http.Dispose();

    private async Task PostAsync(string meter, params object[] readings)
    {
        using var response = await _http.PostAsJsonAsync($"/meters/{meter}/readings", readings).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"the HEMS refused readings for {meter}: {(int)response.StatusCode} "
                + await response.Content.ReadAsStringAsync().ConfigureAwait(false));
    }
}
