using System.Net;
using System.Net.Sockets;
using System.Numerics;
using EnergyAuction.Operator.Oracle;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EnergyAuction.Operator.Tests.Oracle;

/// <summary>The fetcher against a real HTTP server on loopback that misbehaves on purpose.</summary>
public class HemsReadingFetcherTests
{
    private static readonly HemsFetchOptions Fast = new(TimeSpan.FromMilliseconds(300), 2, TimeSpan.FromMilliseconds(10));
    private WebApplication _server = null!;
    private string _base = null!;
    private int _flakyCalls;
    private int _brokenCalls;
    private int _missingCalls;
    private readonly HttpClient _http = new();

    [OneTimeSetUp]
    public async Task StartServer()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/ok", () => Results.Text("""{"value": 42}""", "application/json"));
        _server.MapGet("/readings", () => Results.Text("""{"meters": ["M-1", "M-2"], "imports": [5, 0], "exports": [0, 0], "read": [true, false]}""", "application/json"));
        _server.MapGet("/nested", () => Results.Text("""{"data": [{"value": 7}]}""", "application/json"));
        _server.MapGet("/big", () => Results.Text($$"""{"value": {{BigInteger.Pow(2, 200)}}}""", "application/json"));
        _server.MapGet("/flaky", () => Interlocked.Increment(ref _flakyCalls) <= 2
            ? Results.StatusCode(503)
            : Results.Text("""{"value": 9}""", "application/json"));
        _server.MapGet("/broken", () =>
        {
            Interlocked.Increment(ref _brokenCalls);
            return Results.StatusCode(500);
        });
        _server.MapGet("/missing", () =>
        {
            Interlocked.Increment(ref _missingCalls);
            return Results.Json(new { error = "unknown meter" }, statusCode: 404);
        });
        _server.MapGet("/slow", async (CancellationToken token) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5), token);
            return Results.Text("""{"value": 1}""");
        });
        _server.MapGet("/text/{body}", (string body) => Results.Text(Uri.UnescapeDataString(body), "application/json"));
        _server.MapGet("/huge", () => Results.Text($$"""{"value": 1, "pad": "{{new string('x', HemsReadingFetcher.MaxAnswerBytes)}}"}"""));
        await _server.StartAsync();
        _base = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    [OneTimeTearDown]
    public async Task StopServer()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task A_batched_request_gets_every_meter_of_the_answer()
    {
        var readings = await Fetcher().Fetcher.FetchReadingsAsync($"{_base}/readings", CancellationToken.None);
        Assert.That(readings.Readings!.Select(r => (r.ImportWh, r.Read)), Is.EqualTo(new[] { ((BigInteger)5, true), (BigInteger.Zero, false) }));
        var broken = await Fetcher().Fetcher.FetchReadingsAsync($"{_base}/broken", CancellationToken.None);
        Assert.That(broken.Failure, Is.EqualTo(HemsFailure.ServerError));
    }

    private (HemsReadingFetcher Fetcher, ListLogger<HemsReadingFetcher> Log) Fetcher()
    {
        var log = new ListLogger<HemsReadingFetcher>();
        return (new HemsReadingFetcher(_http, Fast, log), log);
    }

    [TestCase("/ok", "value", 42)]
    [TestCase("/nested", "data.0.value", 7)]
    [TestCase("/nested", "data,0,value", 7)]
    public async Task Takes_the_integer_at_the_json_path(string route, string path, long expected)
    {
        var reading = await Fetcher().Fetcher.FetchAsync(_base + route, path, CancellationToken.None);
        Assert.That(reading.Value, Is.EqualTo(new BigInteger(expected)));
    }

    [Test]
    public async Task Reads_values_beyond_64_bits()
    {
        var reading = await Fetcher().Fetcher.FetchAsync(_base + "/big", "value", CancellationToken.None);
        Assert.That(reading.Value, Is.EqualTo(BigInteger.Pow(2, 200)));
    }

    [Test]
    public async Task Retries_server_errors_until_the_hems_answers()
    {
        var (fetcher, log) = Fetcher();
        var reading = await fetcher.FetchAsync(_base + "/flaky", "value", CancellationToken.None);
        Assert.That(reading.Value, Is.EqualTo(new BigInteger(9)));
        Assert.That(log.Lines.Count(l => l.Contains("retry")), Is.EqualTo(2));
    }

    [Test]
    public async Task Gives_up_after_the_retry_bound_with_a_logged_failure()
    {
        var (fetcher, log) = Fetcher();
        var before = _brokenCalls;
        var reading = await fetcher.FetchAsync(_base + "/broken", "value", CancellationToken.None);
        Assert.That(reading.Failure, Is.EqualTo(HemsFailure.ServerError));
        Assert.That(_brokenCalls - before, Is.EqualTo(3), "first attempt + 2 retries");
        Assert.That(log.Lines.Last(), Does.Contain("No reading from").And.Contain("/broken"));
    }

    [Test]
    public async Task Does_not_retry_a_refusal()
    {
        var before = _missingCalls;
        var reading = await Fetcher().Fetcher.FetchAsync(_base + "/missing", "value", CancellationToken.None);
        Assert.That(reading.Failure, Is.EqualTo(HemsFailure.Refused));
        Assert.That(reading.Detail, Does.Contain("404"));
        Assert.That(_missingCalls - before, Is.EqualTo(1));
    }

    [Test]
    public async Task Times_out_each_attempt_and_then_gives_up()
    {
        var started = DateTime.UtcNow;
        var reading = await Fetcher().Fetcher.FetchAsync(_base + "/slow", "value", CancellationToken.None);
        Assert.That(reading.Failure, Is.EqualTo(HemsFailure.Timeout));
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public async Task Reports_an_unreachable_hems()
    {
        var reading = await Fetcher().Fetcher.FetchAsync($"http://127.0.0.1:{ClosedPort()}/ok", "value", CancellationToken.None);
        Assert.That(reading.Failure, Is.EqualTo(HemsFailure.Unreachable));
    }

    [TestCase("not json at all")]
    [TestCase("""{"value": 1.5}""")]
    [TestCase("""{"value": -3}""")]
    [TestCase("""{"value": "42"}""")]
    [TestCase("""{"value": 1e3}""")]
    [TestCase("""{"value": null}""")]
    [TestCase("""{"other": 1}""")]
    [TestCase("""[1, 2]""")]
    [TestCase("""{"value": 115792089237316195423570985008687907853269984665640564039457584007913129639936}""")]
    public async Task Garbage_is_a_typed_failure_not_an_exception(string body)
    {
        var reading = await Fetcher().Fetcher.FetchAsync($"{_base}/text/{Uri.EscapeDataString(body)}", "value", CancellationToken.None);
        Assert.That(reading.Succeeded, Is.False);
        Assert.That(reading.Failure, Is.EqualTo(HemsFailure.Garbage));
    }

    [Test]
    public async Task An_oversized_answer_is_garbage()
    {
        var reading = await Fetcher().Fetcher.FetchAsync(_base + "/huge", "value", CancellationToken.None);
        Assert.That(reading.Failure, Is.EqualTo(HemsFailure.Garbage));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
