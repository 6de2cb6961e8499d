using System.Net.Http.Json;
using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Operator.Options;
using EnergyAuction.Operator.Oracle;
using EnergyAuction.Operator.Status;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EnergyAuction.Operator.Tests;

/// <summary>The daemon's /health and /status over real HTTP on a free loopback port.</summary>
public class StatusEndpointTests
{
    private const string DeploymentJson = """
        {"network": "localhost", "chainId": 31337, "block": 0, "jobId": "0x656e6572677961756374696f6e00000000000000000000000000000000000000",
         "oracleFee": "100000000000000000", "registrar": "0x09DB0a93B389bEF724429898f539AEB7ac2Dd55f", "contracts": {
           "LinkToken": {"address": "0x5FbDB2315678afecb367f032d93F642f64180aa3"},
           "Operator": {"address": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512"},
           "DataAccess": {"address": "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0"},
           "EnergyTrade": {"address": "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9"},
           "EnergyOracleClient": {"address": "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9"}}}
        """;

    private string _dir = null!;
    private WebApplication _daemon = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartDaemon()
    {
        _dir = Directory.CreateTempSubdirectory("operator-status-").FullName;
        // A well-formed deployment and keystore with no node behind the RPC URL: the endpoints must
        // answer while the chain services log that they cannot reach the chain.
        File.WriteAllText(Path.Combine(_dir, "deployment.json"), DeploymentJson);
        File.WriteAllText(Path.Combine(_dir, "operator.keystore.json"),
            new Keystore(pbkdf2Iterations: 1024).EncryptAndSerialize(AccountKey.GenerateNew(), "pw", KdfKind.Pbkdf2));
        File.WriteAllText(Path.Combine(_dir, "password.txt"), "pw");
        _daemon = OperatorApp.Build(OperatorOptionsTests.ValidArgs(_dir, "--status-url", "http://127.0.0.1:0", "--rpc-url", "http://127.0.0.1:9", "--checkpoint", Path.Combine(_dir, "checkpoint.json")));
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
    public async Task Health_is_unhealthy_while_the_chain_and_the_hems_are_down()
    {
        var response = await _http.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That((int)response.StatusCode, Is.EqualTo(503));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
        Assert.That(body.GetProperty("chain").GetProperty("reachable").GetBoolean(), Is.False);
        Assert.That(body.GetProperty("chain").GetProperty("problem").GetString(), Does.StartWith("http://127.0.0.1:9"));
        Assert.That(body.GetProperty("hems").GetProperty("reachable").GetBoolean(), Is.False);
    }

    [Test]
    public async Task Metrics_are_prometheus_text()
    {
        var status = _daemon.Services.GetRequiredService<MarketStatus>();
        status.WindowReached(12, WindowPhase.Matching);
        _daemon.Services.GetRequiredService<OperatorMetrics>().Fulfilled();

        var text = await _http.GetStringAsync("/metrics");

        Assert.That(text, Does.Contain("# TYPE energyauction_windows gauge\n").And.Contain("energyauction_windows{phase=\"Matching\"} 1\n")
            .And.Contain("energyauction_oracle_requests_total{outcome=\"fulfilled\"} 1\n").And.Contain("energyauction_oracle_requests_pending ")
            .And.Contain("energyauction_rpc_failed_attempts_total ").And.Contain("energyauction_last_processed_block "));
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
        Assert.That(_daemon.Services.GetRequiredService<OracleCheckpoints>(), Is.Not.Null);
    }

    [Test]
    public void The_daemon_does_not_start_with_bad_options()
    {
        var e = Assert.Throws<OperatorOptionsException>(() => OperatorApp.Build(["--rpc-url", "nope"]));
        Assert.That(e!.Problems, Has.Some.StartsWith("RpcUrl (--rpc-url / ENERGY_OPERATOR_RPC_URL):"));
    }
}
