using System.Text.Json;
using EnergyAuction.Cli;

namespace EnergyAuction.Simulation.Tests;

public class MarketSimulateCommandTests
{
    private string _out = null!;

    [SetUp]
    public void CreateFolder() => _out = Directory.CreateTempSubdirectory("simulate-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_out, recursive: true);

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await EnergyCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task A_small_scenario_prints_its_summary_and_writes_the_report_and_four_figures()
    {
        var (code, stdout, stderr) = await Run("market", "simulate", "--households", "10", "--pv-share", "0.5", "--seed", "4", "--out", _out);

        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("| dpda |").And.Contain("| grid-only |").And.Contain(Path.Combine(_out, "report.json")));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_out, "report.json")));
        var mechanisms = report.RootElement.GetProperty("mechanisms").EnumerateArray().ToList();
        Assert.That(mechanisms.Select(m => m.GetProperty("mechanism").GetString()), Is.EqualTo(new[] { "grid-only", "dpda", "mcafee", "uniform" }));
        Assert.That(mechanisms.Select(m => m.GetProperty("households").GetArrayLength()), Is.All.EqualTo(10));
        Assert.That(mechanisms.Select(m => m.GetProperty("windows").GetArrayLength()), Is.All.EqualTo(96));
        foreach (var figure in new[] { "prices.png", "traded-vs-demand.png", "household-bills.png", "cost-per-trade.png" })
            Assert.That(new FileInfo(Path.Combine(_out, figure)).Length, Is.GreaterThan(10_000), figure);
    }

    [Test]
    public async Task An_on_chain_replay_prints_the_verdict_after_the_summary_and_exits_0_when_every_household_agrees()
    {
        var (code, stdout, stderr) = await Run("market", "simulate", "--households", "4", "--window-minutes", "480", "--on-chain", "1", "--out", _out);

        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("| dpda |"));
        Assert.That(stdout.TrimEnd(), Does.EndWith("1 window on chain: every household agrees to the wei (dpda, mcafee, uniform: 0 matches settled; grid-only needs no chain)"));
        Assert.That(stderr, Does.Contain("operator daemon running").And.Contain("uniform window 1: 0 offers and 4 bids on chain"));
    }

    [TestCase("0")]
    [TestCase("97")]
    public async Task An_on_chain_replay_beyond_the_scenario_is_a_usage_error_before_anything_starts(string windows)
    {
        var (code, _, stderr) = await Run("market", "simulate", "--on-chain", windows, "--out", _out);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--on-chain must be 1..96"));
        Assert.That(Directory.EnumerateFiles(_out), Is.Empty);
    }

    [TestCase("--pv-share", "1.5")]
    [TestCase("--households", "56")]
    [TestCase("--window-minutes", "7")]
    public async Task A_scenario_outside_the_feeder_or_the_day_is_a_usage_error_that_names_the_option(string option, string value)
    {
        var (code, _, stderr) = await Run("market", "simulate", option, value, "--out", _out);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(option));
        Assert.That(Directory.EnumerateFiles(_out), Is.Empty);
    }
}
