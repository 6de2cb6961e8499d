using System.CommandLine;
using System.Numerics;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Data;
using EnergyAuction.Simulation;
using EnergyAuction.Simulation.OnChain;

namespace EnergyAuction.Cli.Commands.Market;

/// <summary>
/// `energy market simulate`: days of the IEEE feeder's households traded window by window under grid-only, dpda,
/// mcafee and uniform (docs/OUTCOMES.md); writes report.json and the PNG figures, prints the Markdown summary. With
/// --on-chain K it then replays the first K windows through the real market on a local node (<see cref="ChainReplay"/>)
/// and prints whether every household's result agrees with the simulation to the wei (exit 1 when not).
/// </summary>
public static class MarketSimulateCommand
{
    /// <summary>The `simulate` subcommand of `energy market`.</summary>
    public static Command Build(CliContext context)
    {
        var households = new Option<int>("--households") { Description = "Households, the feeder's loads 1..N (1-55)", DefaultValueFactory = _ => 55 };
        var pvShare = new Option<decimal>("--pv-share") { Description = "Share of households with PV and a battery, 0-1 in steps of 0.01", DefaultValueFactory = _ => 0.4m };
        var days = new Option<int>("--days") { Description = "Days to simulate (1-366)", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random draw", DefaultValueFactory = _ => 1 };
        var start = new Option<DateOnly>("--start") { Description = "First day (yyyy-MM-dd); PV follows the Ausgrid year by month and day", DefaultValueFactory = _ => new DateOnly(2012, 1, 16) };
        var windowMinutes = new Option<int>("--window-minutes") { Description = "Trading window length in minutes (divides 1440)", DefaultValueFactory = _ => 15 };
        var batteryWh = new Option<long>("--battery-wh") { Description = "Battery capacity of each PV household, Wh (0: none)", DefaultValueFactory = _ => 5_000 };
        var batteryStart = new Option<decimal>("--battery-start") { Description = "Highest start charge, share of capacity (each battery starts at a seeded charge up to it)", DefaultValueFactory = _ => 0.5m };
        var forecast = new Option<string>("--forecast") { Description = "perfect or noisy (up to 20% error on load and PV)", DefaultValueFactory = _ => "noisy" };
        forecast.AcceptOnlyFromAmong("perfect", "noisy");
        var strategy = new Option<string>("--strategy") { Description = "truthful, zi or aggressive", DefaultValueFactory = _ => "truthful" };
        strategy.AcceptOnlyFromAmong("truthful", "zi", "aggressive");
        var retail = new Option<long>("--retail-gwei") { Description = "Retail tariff, gwei/kWh (feed-in is retail x 32/189)", DefaultValueFactory = _ => 60_000 };
        var output = new Option<string>("--out") { Description = "Directory for report.json and the figures", DefaultValueFactory = _ => "simulation-out" };
        var onChain = new Option<int?>("--on-chain") { Description = "Also replay the first K windows of each mechanism through the real market on a local Hardhat node and check every household's result to the wei" };
        var dataDir = FeederOption.Create();

        var command = new Command("simulate", "Simulate days of the IEEE feeder's households under every mechanism and grid-only\n\nExample:\n  energy market simulate --households 55 --pv-share 0.4 --days 1 --seed 1")
        {
            households, pvShare, days, seed, start, windowMinutes, batteryWh, batteryStart, forecast, strategy, retail, output, onChain, dataDir,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new ScenarioOptions
            {
                Households = parseResult.GetValue(households),
                PvSharePercent = Percent("--pv-share", parseResult.GetValue(pvShare)),
                Days = parseResult.GetValue(days),
                Seed = parseResult.GetValue(seed),
                Start = parseResult.GetValue(start),
                WindowMinutes = parseResult.GetValue(windowMinutes),
                BatteryCapacityWh = parseResult.GetValue(batteryWh),
                BatteryStartPercent = Percent("--battery-start", parseResult.GetValue(batteryStart)),
                Forecast = parseResult.GetValue(forecast) == "perfect" ? ForecastKind.Perfect : ForecastKind.Noisy,
                Strategy = Enum.Parse<PriceStrategy>(parseResult.GetRequiredValue(strategy), ignoreCase: true),
                RetailWeiPerKwh = parseResult.GetValue(retail) * ScenarioOptions.Gwei,
            };
            if (options.Problem() is { } problem)
                throw CliException.Usage(problem);
            var replay = parseResult.GetValue(onChain);
            if (replay is { } k && ChainReplay.Problem(options, k) is { } replayProblem)
                throw CliException.Usage(replayProblem);

            var dataDirectory = SharedDataDirectory.Resolve(parseResult.GetValue(dataDir));
            var data = Read(dataDirectory);
            var scenario = data.Scenario(options);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var report = new SimulationReport(scenario, SimulationRunner.RunAll(scenario, data.Feeder));
            var seconds = clock.Elapsed.TotalSeconds;
            // On stderr, so the summary on stdout stays the same for a seed; scripts/bench-simulate.sh reads this line.
            context.Note(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"simulated {options.Windows} windows x {MarketChoice.All.Count} mechanisms in {seconds:0.000} s: {options.Windows * MarketChoice.All.Count / seconds:0} windows/s"));

            var directory = Path.GetFullPath(parseResult.GetRequiredValue(output));
            Directory.CreateDirectory(directory);
            var reportPath = Path.Combine(directory, "report.json");
            using (var file = File.Create(reportPath))
                ReportJson.Write(report, file);
            var figures = Figures.Write(report, directory);

            context.Output.Write(MarkdownSummary.Of(report));
            context.Output.WriteLine();
            context.Output.WriteLine($"report:  {reportPath}");
            foreach (var figure in figures)
                context.Output.WriteLine($"figure:  {figure}");
            return replay is { } windows ? await ReplayAsync(context, scenario, data, dataDirectory, windows, cancellationToken) : ExitCodes.Success;
        });
        return command;
    }

    // Progress on stderr; the verdict and each difference on stdout.
    private static async Task<int> ReplayAsync(CliContext context, Scenario scenario, ScenarioData data, string dataDirectory, int windows, CancellationToken ct)
    {
        ReplayResult result;
        try
        {
            result = await ChainReplay.RunAsync(scenario, data.Feeder, dataDirectory, windows, context.Note, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw CliException.Failure($"the on-chain replay failed: {e.Message}", e);
        }
        context.Output.WriteLine();
        context.Output.WriteLine(result.Verdict);
        foreach (var difference in result.Differences)
            context.Output.WriteLine($"  {difference}");
        return result.Agrees ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static int Percent(string option, decimal share)
    {
        if (share is < 0 or > 1 || share * 100 != decimal.Truncate(share * 100))
            throw CliException.Usage($"{option} must be a share from 0 to 1 in steps of 0.01, got {share}");
        return (int)(share * 100);
    }

    private static ScenarioData Read(string directory)
    {
        try
        {
            return ScenarioData.Read(directory);
        }
        catch (FileNotFoundException e)
        {
            throw CliException.Failure(e.Message, e);
        }
    }
}
