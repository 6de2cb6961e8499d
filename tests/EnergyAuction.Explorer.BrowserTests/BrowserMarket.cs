using EnergyAuction.Devnet;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace EnergyAuction.Explorer.BrowserTests;

/// <summary>One Hardhat node with Devnet's <see cref="AuditMarket"/>, the explorer serving it on a free loopback port,
/// and Debian's Chromium (headless) driven by Playwright, for the whole run.</summary>
[SetUpFixture]
public sealed class BrowserMarket
{
    /// <summary>The browser scripts/setup.sh installs; Playwright is given it, so it downloads none of its own.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private static WebApplication _explorer = null!;
    private static IPlaywright _playwright = null!;
    private static IBrowser _browser = null!;

    public static AuditMarket Market { get; private set; } = null!;

    /// <summary>The explorer's base address, e.g. http://127.0.0.1:41234.</summary>
    public static string Url { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(Chromium)) Assert.Fail($"{Chromium} is missing; scripts/setup.sh installs Debian's chromium");
        Market = await AuditMarket.StartAsync();
        Url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        _explorer = ExplorerApp.Build(new ExplorerOptions(Market.Node.RpcUrl, Market.DeploymentFile, RepoPaths.SharedDataDir, Url)
        {
            // A new block reaches an open page within a fraction of a second.
            PollInterval = TimeSpan.FromMilliseconds(200),
        });
        await _explorer.StartAsync();
        _playwright = await Playwright.CreateAsync();
        // Chromium's sandbox cannot start as root (CI and these machines run as root), so it is off, as Playwright's default.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, ChromiumSandbox = false });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_explorer is not null) await _explorer.DisposeAsync();
        if (Market is not null) await Market.DisposeAsync();
    }

    /// <summary>A fresh page (its own browser context) at <paramref name="path"/> of the explorer, loaded.</summary>
    public static async Task<IPage> OpenAsync(string path)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        // An async event handler's exception would crash the test host: at teardown the browser may already be gone.
        page.Close += async (_, _) =>
        {
            try { await context.CloseAsync(); }
            catch (PlaywrightException) { }
        };
        var response = await page.GotoAsync(Url + path);
        Assert.That(response?.Status, Is.EqualTo(200), $"GET {path}");
        return page;
    }
}
