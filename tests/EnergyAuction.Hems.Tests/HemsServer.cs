using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace EnergyAuction.Hems.Tests;

/// <summary>A HEMS on a free loopback port, reached over real HTTP.</summary>
public sealed class HemsServer : IAsyncDisposable
{
    /// <summary>2026-01-15 00:00:00 UTC: midsummer on the Ausgrid roof, maps to 2012-01-15.</summary>
    public const long January15 = 1768435200;

    private readonly WebApplication _app;

    private HemsServer(WebApplication app, HttpClient http, FixedTime time)
    {
        _app = app;
        Http = http;
        Time = time;
    }

    public HttpClient Http { get; }

    public FixedTime Time { get; }

    public static async Task<HemsServer> StartAsync(HemsOptions options, long now = January15)
    {
        var time = new FixedTime(now);
        var app = HemsApp.Build(options with { Urls = "http://127.0.0.1:0" }, ["--Logging:LogLevel:Default=Warning"], time);
        await app.StartAsync();
        return new HemsServer(app, new HttpClient { BaseAddress = HemsApp.BaseAddress(app) }, time);
    }

    public async Task<long> ValueAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("value").GetInt64();
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async Task<(int Status, JsonElement Body)> PostAsync(string path, string json)
    {
        using var response = await Http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
