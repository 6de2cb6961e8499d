using System.CommandLine;
using EnergyAuction.Demo;

var households = new Option<int>("--households") { Description = "How many households trade (4-1000)", DefaultValueFactory = _ => 20 };
var windows = new Option<int>("--windows") { Description = "Consecutive windows, bidding overlapping the previous transfer (soak: 10)", DefaultValueFactory = _ => 1 };
var dataDir = new Option<string?>("--data-dir") { Description = "Shared data directory (default: $ENERGYAUCTION_DATA_DIR, else ../shared/data next to the repository)" };
var jsonSummary = new Option<string?>("--json-summary") { Description = "Also write the summary as JSON to this file" };
var root = new RootCommand("The EnergyAuction demo: a whole microgrid market on this machine, traded through the `energy` CLI")
{
    households, windows, dataDir, jsonSummary,
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 || parsed.Action is not null && parsed.Tokens.Any(t => t.Value is "--help" or "-h" or "-?"))
{
    if (parsed.Errors.Count == 0) return await parsed.InvokeAsync();
    Console.Error.WriteLine($"demo: {string.Join("; ", parsed.Errors.Select(e => e.Message))} (see --help)");
    return 2;
}

var options = new DemoOptions
{
    Households = parsed.GetValue(households),
    Windows = parsed.GetValue(windows),
    DataDirectory = parsed.GetValue(dataDir),
    JsonSummaryFile = parsed.GetValue(jsonSummary),
};
if (options.Problems() is { Count: > 0 } problems)
{
    foreach (var problem in problems) Console.Error.WriteLine($"demo: {problem}");
    return 2;
}

using var cancel = new CancellationTokenSource();
// Ctrl+C unwinds the demo so it stops everything it started before exiting.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    Console.Error.WriteLine("demo: interrupted; stopping everything it started");
    cancel.Cancel();
};
try
{
    var summary = await MarketDemo.RunAsync(options, Console.Out, cancel.Token);
    summary.Print(Console.Out);
    if (options.JsonSummaryFile is { } file) summary.WriteJson(file);
    return summary.Succeeded ? 0 : 1;
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
