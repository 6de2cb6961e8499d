using System.Net;
using EnergyAuction.Devnet;

namespace EnergyAuction.Explorer.Tests;

/// <summary>An explorer whose node does not answer: pages say so with 503, and the event stream says "down".</summary>
public sealed class NodeDownTests
{
    [Test]
    public async Task PagesAnswer503AndTheEventStreamSaysDown()
    {
        var deadNode = $"http://127.0.0.1:{ExplorerMarket.FreePort()}";
        var port = ExplorerMarket.FreePort();
        await using var app = ExplorerApp.Build(new ExplorerOptions(deadNode, ExplorerMarket.DeploymentFile, RepoPaths.SharedDataDir, $"http://127.0.0.1:{port}")
        {
            PollInterval = TimeSpan.FromMilliseconds(200),
        });
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var page = await http.GetAsync("/window/1", timeout.Token);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await page.Content.ReadAsStringAsync(timeout.Token), Does.Contain("The chain's node cannot be reached").And.Contain("<main data-block=\"down\">"));

        using var events = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync(timeout.Token));
        string? line;
        do
            line = await reader.ReadLineAsync(timeout.Token);
        while (line is not null && !line.StartsWith("data: ", StringComparison.Ordinal));
        Assert.That(line, Is.EqualTo("data: down"));
        await app.StopAsync(timeout.Token);
    }
}
