using System.Net;
using System.Text;

namespace EnergyAuction.Hems.Tests;

/// <summary>Who may write readings, and how much one request may carry, over real HTTP.</summary>
public class WriteProtectionTests
{
    private const long T = HemsServer.January15 + 1000;
    private static readonly string OneReading = $$"""{"timestamp": {{T}}, "batteryWh": 1000}""";

    [Test]
    public async Task Without_a_configured_token_every_write_is_refused()
    {
        await using var hems = await HemsServer.StartAsync(new HemsOptions { Origin = HemsServer.January15 }, now: T);
        var before = await hems.ValueAsync("/battery-soc/M-3");
        var (status, body) = await hems.PostAsync("/meters/M-3/readings", OneReading, token: "any-token-at-all-will-do");
        Assert.That(status, Is.EqualTo(403));
        Assert.That(body.GetProperty("error").GetString(), Does.Contain("writes are disabled"));
        Assert.That(await hems.ValueAsync("/battery-soc/M-3"), Is.EqualTo(before));
        var (_, health) = await hems.GetAsync("/health");
        Assert.That(health.GetProperty("writesEnabled").GetBoolean(), Is.False);
    }

    [TestCase(null)]
    [TestCase("test-write-token-012345678")]
    [TestCase("test-write-token-0123456789x")]
    public async Task A_missing_or_wrong_token_is_401_and_stores_nothing(string? token)
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T);
        var before = await hems.ValueAsync("/battery-soc/M-3");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/meters/M-3/readings")
        {
            Content = new StringContent(OneReading, Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        using var response = await hems.Http.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Authorization: Bearer"));
        Assert.That(await hems.ValueAsync("/battery-soc/M-3"), Is.EqualTo(before));
    }

    [Test]
    public async Task The_right_token_writes()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T);
        var (status, body) = await hems.PostAsync("/meters/M-3/readings", OneReading);
        Assert.That(status, Is.EqualTo(200), body.ToString());
        Assert.That(await hems.ValueAsync("/battery-soc/M-3"), Is.EqualTo(1000));
        var (_, health) = await hems.GetAsync("/health");
        Assert.That(health.GetProperty("writesEnabled").GetBoolean(), Is.True);
    }

    [Test]
    public async Task A_battery_reading_above_the_capacity_is_400_saying_the_bound()
    {
        // Default household M-3: a 5,000 Wh battery. The attack: 99,000 Wh on it.
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T);
        var before = await hems.ValueAsync("/battery-soc/M-3");
        var (status, body) = await hems.PostAsync("/meters/M-3/readings", $$"""{"timestamp": {{T}}, "batteryWh": 99000}""");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("parameter").GetString(), Is.EqualTo("batteryWh"));
        Assert.That(body.GetProperty("error").GetString(), Does.Contain("capacity of 5000 Wh"));
        Assert.That(await hems.ValueAsync("/battery-soc/M-3"), Is.EqualTo(before));

        var (full, _) = await hems.PostAsync("/meters/M-3/readings", $$"""{"timestamp": {{T}}, "batteryWh": 5000}""");
        Assert.That(full, Is.EqualTo(200), "a full battery is a valid reading");
        Assert.That(await hems.ValueAsync("/battery-soc/M-3"), Is.EqualTo(5000));
    }

    [Test]
    public async Task A_consumer_without_a_battery_cannot_be_given_charge()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T);
        var (status, body) = await hems.PostAsync("/meters/M-2/readings", $$"""{"timestamp": {{T}}, "batteryWh": 1}""");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("error").GetString(), Does.Contain("capacity of 0 Wh"));
    }

    [Test]
    public async Task A_body_over_the_limit_is_413_naming_the_limit_whether_declared_or_chunked()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T);
        var huge = "[" + string.Join(",", Enumerable.Repeat(OneReading, 200_000 / 4)) + "]";
        Assert.That(Encoding.UTF8.GetByteCount(huge), Is.GreaterThan(Api.RequestLimits.MaxBodyBytes));
        foreach (var content in new HttpContent[] { new StringContent(huge, Encoding.UTF8, "application/json"), new ChunkedContent(huge) })
        {
            var (status, body) = await hems.PostAsync("/meters/M-3/readings", content);
            Assert.That(status, Is.EqualTo(413), content.GetType().Name);
            Assert.That(body.GetProperty("error").GetString(), Does.Contain("262144 bytes"));
        }
        Assert.That(await hems.ValueAsync("/battery-soc/M-3"), Is.Not.EqualTo(1000), "nothing was stored");
    }

    [Test]
    public async Task More_readings_than_the_cap_in_one_request_are_400_and_store_nothing()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T);
        var readings = Enumerable.Range(0, Api.RequestLimits.MaxReadingsPerRequest + 1).Select(i => $$"""{"timestamp":{{T + i}},"importWh":{{i}}}""");
        var (status, body) = await hems.PostAsync("/meters/M-4/readings", "[" + string.Join(",", readings) + "]");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("parameter").GetString(), Is.EqualTo("body"));
        Assert.That(body.GetProperty("error").GetString(), Does.Contain($"at most {Api.RequestLimits.MaxReadingsPerRequest} readings"));
        var (_, energy) = await hems.GetAsync($"/meters/M-4/energy?from={T}&to={T + 1000}");
        Assert.That(energy.GetProperty("importWh").GetInt64(), Is.Not.EqualTo(1000), "the replay still answers, not the refused register");

        var exactly = readings.Take(Api.RequestLimits.MaxReadingsPerRequest);
        var (accepted, _) = await hems.PostAsync("/meters/M-4/readings", "[" + string.Join(",", exactly) + "]");
        Assert.That(accepted, Is.EqualTo(200), "the cap itself is allowed");
    }

    [TestCase("POST", "/readings")]
    [TestCase("GET", "/energy?from=1&to=2")]
    [TestCase("GET", "")]
    public async Task Errors_do_not_echo_a_long_meter_id(string method, string suffix)
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T);
        var id = new string('A', 5_000);
        var path = suffix == "" ? $"/battery-soc/{id}" : $"/meters/{id}{suffix}";
        var (status, body) = method == "POST" ? await hems.PostAsync(path, OneReading) : await hems.GetAsync(path);
        Assert.That(status, Is.EqualTo(404));
        var error = body.GetProperty("error").GetString()!;
        Assert.That(error, Has.Length.LessThan(100));
        Assert.That(error, Does.Contain("5000 characters"));
        Assert.That(error, Does.StartWith("unknown meter 'AAAA"));
    }

    [Test]
    public async Task Errors_do_not_echo_a_long_query_value()
    {
        await using var hems = await HemsServer.StartAsync(HemsServer.Writable, now: T);
        var (status, body) = await hems.GetAsync($"/meters/M-1/energy?from={new string('9', 3_000)}x&to=5");
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body.GetProperty("error").GetString(), Has.Length.LessThan(120));
    }

    /// <summary>A body sent without Content-Length (chunked), so only reading it shows its size.</summary>
    private sealed class ChunkedContent(string text) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            stream.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
