using Microsoft.Playwright;

// Usage: screenshots EXPLORER_URL OUT_DIR WINDOW HOUSEHOLD
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: screenshots EXPLORER_URL OUT_DIR WINDOW HOUSEHOLD (e.g. http://127.0.0.1:5100 docs/explorer 1 M-1)");
    return 2;
}
var (explorer, outDir, window, household) = (args[0].TrimEnd('/'), args[1], args[2], args[3]);
const string chromium = "/usr/bin/chromium";
if (!File.Exists(chromium))
{
    Console.Error.WriteLine($"screenshots: {chromium} is missing; scripts/setup.sh installs Debian's chromium");
    return 1;
}
Directory.CreateDirectory(outDir);

using var playwright = await Playwright.CreateAsync();
// Chromium's sandbox cannot start as root, so it is off (Playwright's default too).
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, ChromiumSandbox = false });
var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
foreach (var (name, path) in new[] { ("market", "/"), ("window", $"/window/{window}"), ("household", $"/household/{Uri.EscapeDataString(household)}") })
{
    var response = await page.GotoAsync(explorer + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
    if (response?.Status != 200)
    {
        Console.Error.WriteLine($"screenshots: GET {explorer}{path} answered {response?.Status}");
        return 1;
    }
    var file = Path.Combine(outDir, $"{name}.png");
    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    Console.WriteLine($"{file}: {explorer}{path}");
}
return 0;
