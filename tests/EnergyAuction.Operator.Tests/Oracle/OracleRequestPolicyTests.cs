using EnergyAuction.Operator.Oracle;

namespace EnergyAuction.Operator.Tests.Oracle;

public class OracleRequestPolicyTests
{
    private const string Client = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private readonly OracleRequestPolicy _policy = new(Client, ["127.0.0.1:5080", "hems.microgrid.local"]);

    private static Dictionary<string, object?> Request(string url) => new() { ["get"] = url, ["path"] = "value" };

    [TestCase("http://127.0.0.1:5080/meters/M-7/energy?from=1&to=2")]
    [TestCase("http://hems.microgrid.local/battery-soc/M-1")]
    [TestCase("https://HEMS.microgrid.local:8443/battery-soc/M-1")]
    public void Serves_this_markets_client_asking_an_allowed_hems(string url) =>
        Assert.That(_policy.Refusal(Client.ToLowerInvariant(), Request(url)), Is.Null);

    [Test]
    public void Refuses_a_request_from_another_contract()
    {
        var reason = _policy.Refusal("0x0000000000000000000000000000000000000bad", Request("http://127.0.0.1:5080/smartmeter/M-1"));
        Assert.That(reason, Does.Contain("not this market's oracle client"));
    }

    [TestCase("http://127.0.0.1:6666/smartmeter/M-1", "allow-list")]
    [TestCase("http://169.254.169.254/latest/meta-data", "allow-list")]
    [TestCase("http://evil.example/?h=hems.microgrid.local", "allow-list")]
    [TestCase("http://user@hems.microgrid.local/x", "user information")]
    [TestCase("file:///etc/passwd", "http(s)")]
    [TestCase("/smartmeter/M-1", "http(s)")]
    public void Refuses_urls_outside_the_allow_list(string url, string reason) =>
        Assert.That(_policy.Refusal(Client, Request(url)), Does.Contain(reason));

    [Test]
    public void Refuses_a_request_without_get_and_serves_one_without_path_as_a_readings_batch()
    {
        Assert.That(_policy.Refusal(Client, new Dictionary<string, object?> { ["path"] = "value" }), Does.Contain("'get'"));
        Assert.That(_policy.Refusal(Client, new Dictionary<string, object?> { ["get"] = "http://127.0.0.1:5080/readings?from=1&to=2&meters=M-1" }), Is.Null);
    }
}
