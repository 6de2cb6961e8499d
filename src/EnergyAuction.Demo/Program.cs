using System.CommandLine;
using EnergyAuction.Demo;
using EnergyAuction.Demo.Load;

var households = new Option<int>("--households") { Description = "How many households trade (4-1000)", DefaultValueFactory = _ => 20 };
var windows = new Option<int>("--windows") { Description = "Consecutive windows, bidding overlapping the previous transfer (soak: 10)", DefaultValueFactory = _ => 1 };
var dataDir = new Option<string?>("--data-dir") { Description = "Shared data directory (default: $ENERGYAUCTION_DATA_DIR, else ../shared/data next to the repository)" };
var jsonSummary = new Option<string?>("--json-summary") { Description = "Also write the summary as JSON to this file" };
var keepRunning = new Option<bool>("--keep-running") { Description = "Leave the market (node, HEMS, daemon, explorer) running after the windows until Ctrl+C" };
var loadHouseholds = new Option<int>("--households") { Description = "How many households (4-10000)", DefaultValueFactory = _ => 1000 };
var load = new Command("load", "The load run (scripts/bench-market.sh): one window with many households, orders through the Chain library; prints figures, last line JSON")
{
    loadHouseholds, dataDir,
};
var root = new RootCommand("The EnergyAuction demo: a whole microgrid market on this machine, traded through the `energy` CLI")
{
    households, windows, dataDir, jsonSummary, keepRunning, load,
};

root.SetAction((parsed, ct) => Run(new DemoOptions
{
    Households = parsed.GetValue(households),
    Windows = parsed.GetValue(windows),
    DataDirectory = parsed.GetValue(dataDir),
    JsonSummaryFile = parsed.GetValue(jsonSummary),
    KeepRunning = parsed.GetValue(keepRunning),
}, async options =>
{
    var summary = await MarketDemo.RunAsync(options, Console.Out, ct);
    // With --keep-running the summary was printed while the market was up; after Ctrl+C only what was stopped.
    if (options.KeepRunning) summary.PrintStopped(Console.Out);
    else summary.Print(Console.Out);
    if (options.JsonSummaryFile is { } file) summary.WriteJson(file);
    return summary.Succeeded;
}));
load.SetAction((parsed, ct) => Run(new DemoOptions
{
    Households = parsed.GetValue(loadHouseholds),
    HouseholdLimit = DemoOptions.MaxLoadHouseholds,
    DataDirectory = parsed.GetValue(dataDir),
}, async options =>
{
    var figures = await LoadRun.RunAsync(options.Households, options.DataDirectory, Console.Out, ct);
    figures.Print(Console.Out);
    Console.WriteLine(figures.JsonLine());
    return figures.Succeeded;
}));

var parseResult = root.Parse(args);
if (parseResult.Errors.Count > 0)
{
    Console.Error.WriteLine($"demo: {string.Join("; ", parseResult.Errors.Select(e => e.Message))} (see --help)");
    return 2;
}
// Ctrl+C (or SIGTERM) cancels the run, which then stops everything it started (children get 5 s each to stop politely,
// five of them, then 10 s for the process groups to empty).
return await parseResult.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) });

static async Task<int> Run(DemoOptions options, Func<DemoOptions, Task<bool>> run)
{
    if (options.Problems() is { Count: > 0 } problems)
    {
        foreach (var problem in problems) Console.Error.WriteLine($"demo: {problem}");
        return 2;
    }
    try
    {
        return await run(options) ? 0 : 1;
    }
    catch (OperationCanceledException)
    {
        Console.Error.WriteLine("demo: interrupted; everything it started has been stopped");
        return 1;
    }
    catch (Exception e) when (e is DemoException or InvalidOperationException or FileNotFoundException or TimeoutException or HttpRequestException)
    {
        Console.Error.WriteLine($"demo: failed: {e.Message}");
        return 1;
    }
}
