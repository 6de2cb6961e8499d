using System.Net.Http.Json;
using System.Text.Json;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Oracle;
using EnergyAuction.Operator.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyAuction.Operator.Tests;

/// <summary>The daemon's /health and /status over real HTTP on a free loopback port.</summary>
public class StatusEndpointTests
{
    private string _dir = null!;
    private WebApplication _daemon = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartDaemon()
    {
        _dir = Directory.CreateTempSubdirectory("operator-status-").FullName;
        File.WriteAllText(Path.Combine(_dir, "deployment.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "operator.keystore.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "password.txt"), "pw");
        _daemon = OperatorApp.Build(OperatorOptionsTests.ValidArgs(_dir, "--status-url", "http://127.0.0.1:0", "--checkpoint", Path.Combine(_dir, "checkpoint.json")));
        await _daemon.StartAsync();
        _http = new HttpClient { BaseAddress = OperatorApp.StatusAddress(_daemon) };
    }

    [OneTimeTearDown]
    public async Task StopDaemon()
    {
        _http.Dispose();
        await _daemon.StopAsync();
        await _daemon.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void Status_is_served_on_loopback() =>
        Assert.That(_http.BaseAddress!.Host, Is.EqualTo("127.0.0.1"));

    [Test]
    public async Task Health_answers_ok()
    {
        var body = await _http.GetFromJsonAsync<JsonElement>("/health");
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Status_shows_windows_phases_the_last_block_and_pending_requests()
    {
        var status = _daemon.Services.GetRequiredService<MarketStatus>();
        status.WindowReached(12, WindowPhase.BiddingOffering);
        status.WindowReached(12, WindowPhase.Matching);
        status.WindowReached(13, WindowPhase.BiddingOffering);
        status.BlockProcessed(345);
        status.RequestPending("0x01", "http://127.0.0.1:5080/battery-soc/M-7");
        status.RequestPending("0x02", "http://127.0.0.1:5080/battery-soc/M-9");
        status.RequestDone("0x01");

        var body = await _http.GetFromJsonAsync<JsonElement>("/status");

        var windows = body.GetProperty("windows").EnumerateArray()
            .Select(w => (w.GetProperty("window").GetUInt64(), w.GetProperty("phase").GetString())).ToList();
        Assert.That(windows, Is.EqualTo(new[] { (12UL, "Matching"), (13UL, "BiddingOffering") }));
        Assert.That(body.GetProperty("lastProcessedBlock").GetInt64(), Is.EqualTo(345));
        var pending = body.GetProperty("pendingOracleRequests").EnumerateArray().ToList();
        Assert.That(pending.Select(p => p.GetProperty("requestId").GetString()), Is.EqualTo(new[] { "0x02" }));
        Assert.That(pending[0].GetProperty("url").GetString(), Does.EndWith("/battery-soc/M-9"));
    }

    [Test]
    public void The_oracle_job_pieces_come_configured()
    {
        Assert.That(_daemon.Services.GetRequiredService<HemsFetchOptions>().MaxRetries, Is.EqualTo(4));
        Assert.That(_daemon.Services.GetRequiredService<HemsReadingFetcher>(), Is.Not.Null);
        Assert.That(_daemon.Services.GetRequiredService<OracleCheckpointStore>().NextBlock, Is.Zero);
    }

    [Test]
    public void The_daemon_does_not_start_with_bad_options()
    {
        var e = Assert.Throws<OperatorOptionsException>(() => OperatorApp.Build(["--rpc-url", "nope"]));
        Assert.That(e!.Problems, Has.Some.StartsWith("RpcUrl:"));
    }
}
