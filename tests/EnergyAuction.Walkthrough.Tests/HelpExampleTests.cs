using System.Diagnostics;
using System.Text.RegularExpressions;

namespace EnergyAuction.Walkthrough.Tests;

/// <summary>The examples in `energy ... --help` are what people copy: the meters they name must be ones the HEMS serves
/// (M-1..M-55), not feeder load names it does not know.</summary>
public sealed partial class HelpExampleTests
{
    private static readonly string[][] CommandsWithMeters =
    [
        ["offer"], ["bid"], ["meter", "grant"], ["meter", "revoke"], ["meter", "status"], ["meter", "register"],
    ];

    [TestCaseSource(nameof(CommandsWithMeters))]
    public async Task Help_examples_name_meters_the_hems_serves(string[] command)
    {
        using var environment = GuideEnvironment.Create();
        var start = new ProcessStartInfo(Path.Combine(environment.Built("EnergyAuction.Cli"), "energy"), [.. command, "--help"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var energy = Process.Start(start)!;
        var help = await energy.StandardOutput.ReadToEndAsync();
        await energy.WaitForExitAsync();

        var meters = MeterArgument().Matches(help).Select(m => m.Groups[1].Value).ToList();
        Assert.That(energy.ExitCode, Is.Zero);
        Assert.That(meters, Is.Not.Empty, "the example shows a --meter");
        Assert.That(meters, Has.All.Match(@"^M-([1-9]|[1-4][0-9]|5[0-5])$"), help);
    }

    [GeneratedRegex(@"--meter ([^\s<]+)")]
    private static partial Regex MeterArgument();
}
