using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace EnergyAuction.Hems.Tests;

/// <summary>A HEMS on a free loopback port, reached over real HTTP.</summary>
public sealed class HemsServer : IAsyncDisposable
{
    /// <summary>2026-01-15 00:00:00 UTC: midsummer on the Ausgrid roof, maps to 2012-01-15.</summary>
    public const long January15 = 1768435200;

    /// <summary>The write token of <see cref="Writable"/> HEMSes, which <see cref="PostAsync"/> sends by default.</summary>
    public const string WriteToken = "test-write-token-0123456789";

    /// <summary>A HEMS on the default households from 2026-01-15 that accepts readings with <see cref="WriteToken"/>.</summary>
    public static HemsOptions Writable => new() { Origin = January15, WriteToken = WriteToken };

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

    /// <summary>Posts <paramref name="json"/> with <c>Authorization: Bearer <paramref name="token"/></c> (none when null).</summary>
    public Task<(int Status, JsonElement Body)> PostAsync(string path, string json, string? token = WriteToken) =>
        PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"), token);

    public async Task<(int Status, JsonElement Body)> PostAsync(string path, HttpContent content, string? token = WriteToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
