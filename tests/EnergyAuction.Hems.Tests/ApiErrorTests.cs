namespace EnergyAuction.Hems.Tests;

public class ApiErrorTests
{
    private HemsServer _hems = null!;

    [OneTimeSetUp]
    public async Task Start() => _hems = await HemsServer.StartAsync(new HemsOptions { Origin = HemsServer.January15 });

    [OneTimeTearDown]
    public async Task Stop() => await _hems.DisposeAsync();

    [TestCase("/smartmeter/M-99")]
    [TestCase("/battery-soc/M-99")]
    [TestCase("/meters/M-99/energy?from=1&to=2")]
    public async Task Unknown_meter_is_404_with_a_json_error(string path)
    {
        var (status, body) = await _hems.GetAsync(path);
        Assert.That(status, Is.EqualTo(404));
        Assert.That(body.GetProperty("error").GetString(), Does.Contain("M-99"));
    }

    [TestCase("to=5", "from")]
    [TestCase("from=5", "to")]
    [TestCase("from=-1&to=5", "from")]
    [TestCase("from=1.5&to=5", "from")]
    [TestCase("from=1&to=abc", "to")]
    [TestCase("from=9&to=5", "from")]
    [TestCase("from=1&to=99999999999", "to")]
    public async Task Bad_interval_is_400_naming_the_parameter(string query, string parameter)
    {
        var (status, body) = await _hems.GetAsync($"/meters/M-1/energy?{query}");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("parameter").GetString(), Is.EqualTo(parameter));
        Assert.That(body.GetProperty("error").GetString(), Does.Contain(parameter));
    }

    [Test]
    public async Task Health_answers_ok()
    {
        var (status, body) = await _hems.GetAsync("/health");
        Assert.That(status, Is.EqualTo(200));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("ok"));
    }
}
