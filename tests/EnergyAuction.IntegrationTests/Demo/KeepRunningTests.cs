using System.Net;
using System.Text.Json;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Demo;

/// <summary>`demo --keep-running`: after its window the market stays up with the explorer at the printed address showing
/// it, until Ctrl+C, which stops every process the demo started.</summary>
[NonParallelizable]
public sealed class KeepRunningTests
{
    [Test]
    public async Task The_explorer_shows_the_traded_window_until_ctrl_c_stops_everything()
    {
        await using var demo = RunningDemo.Start("--households", "4");
        var explorer = await demo.WaitForExplorerAsync();

        using var http = new HttpClient { BaseAddress = explorer, Timeout = TimeSpan.FromSeconds(30) };
        using var market = await http.GetAsync("/");
        var marketPage = await market.Content.ReadAsStringAsync();
        using var window = await http.GetAsync("/window/1");
        var windowPage = await window.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(market.StatusCode, Is.EqualTo(HttpStatusCode.OK), marketPage);
            Assert.That(marketPage, Does.Contain("<tr data-window-id=\"1\">"), "the Market page lists the demo's window");
            Assert.That(window.StatusCode, Is.EqualTo(HttpStatusCode.OK), windowPage);
            Assert.That(windowPage, Does.Contain("<span class=\"agrees\">agrees</span>"), "the explorer's verdict on the demo's clearing");
        });

        await demo.InterruptAsync();

        Assert.That(demo.ExitCode, Is.EqualTo(0), demo.Output);
        var summary = JsonDocument.Parse(await File.ReadAllTextAsync(demo.SummaryFile)).RootElement;
        var groups = summary.GetProperty("processGroups").EnumerateArray().Select(g => g.GetInt32()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(groups, Has.Count.EqualTo(4), "node, HEMS, explorer and daemon");
            Assert.That(ProcessTable.AliveInGroups(groups), Is.Empty, "no process of the demo is alive after Ctrl+C");
            Assert.That(demo.Output, Does.Contain("still running: 0"));
            Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("/"), "the explorer is stopped");
        });
    }
}
