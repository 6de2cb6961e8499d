using System.Net;
using System.Text;

namespace EnergyAuction.Hems.Tests;

/// <summary>The write token as an operator configures it: from the environment, never from a flag.</summary>
[NonParallelizable]
public class StartupTests
{
    private const string Token = "operator-configured-token-42";
    private static readonly string Reading = $$"""{"timestamp": {{HemsServer.January15}}, "batteryWh": 1000}""";

    [Test]
    public async Task Without_a_token_it_says_at_start_that_writes_are_disabled_and_refuses_them()
    {
        await using var hems = HemsProcess.Start([]);
        var url = await hems.ListeningAsync();
        Assert.That(hems.Output, Does.Contain("Writes are DISABLED").And.Contain(HemsOptions.WriteTokenVariable));
        Assert.That(await PostAsync(url, Token), Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_token_from_the_environment_enables_writes_for_its_holder_only()
    {
        await using var hems = HemsProcess.Start([], new Dictionary<string, string> { [HemsOptions.WriteTokenVariable] = Token });
        var url = await hems.ListeningAsync();
        Assert.That(hems.Output, Does.Not.Contain("Writes are DISABLED"));
        Assert.That(await PostAsync(url, Token), Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await PostAsync(url, Token + "x"), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("--WriteToken=operator-configured-token-42")]
    [TestCase("--write-token")]
    [TestCase("/WriteToken")]
    public async Task A_token_on_the_command_line_is_refused_with_exit_2(string flag)
    {
        await using var hems = HemsProcess.Start([flag, Token]);
        Assert.That(await hems.ExitCodeAsync(), Is.EqualTo(2));
        Assert.That(hems.Output, Does.Contain("never taken from the command line").And.Contain(HemsOptions.WriteTokenVariable));
    }

    [Test]
    public async Task A_short_token_is_refused_with_exit_2()
    {
        await using var hems = HemsProcess.Start([], new Dictionary<string, string> { [HemsOptions.WriteTokenVariable] = "secret" });
        Assert.That(await hems.ExitCodeAsync(), Is.EqualTo(2));
        Assert.That(hems.Output, Does.Contain($"at least {HemsOptions.MinWriteTokenLength} characters"));
    }

    private static async Task<HttpStatusCode> PostAsync(Uri hems, string token)
    {
        using var http = new HttpClient { BaseAddress = hems };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/meters/M-3/readings")
        {
            Content = new StringContent(Reading, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
