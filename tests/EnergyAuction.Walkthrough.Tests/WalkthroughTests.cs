using System.Text.RegularExpressions;

namespace EnergyAuction.Walkthrough.Tests;

/// <summary>
/// README.md's guides, run as a reader would: "Get `energy` on PATH", "Guide: run a market" and "Guide: trade as a
/// household", every ```sh command in order, in one bash, from the repository root with a fresh HOME, on the Hardhat
/// node the guide itself starts. Every command must exit 0; a command whose trailing comment holds "→ TEXT" must print
/// TEXT (compared with runs of spaces collapsed), so a changed command, flag or output fails here.
///
/// What differs from the reader's terminal, and only this:
/// - `dotnet publish src/PROJECT -c Release -o DIR` (`energy`, the HEMS, the daemon) is replaced by linking DIR to the
///   program this test run built (publishing takes minutes); the guide's other lines, including the link of `energy`
///   onto PATH and the start of the published services, run as written.
/// - The guide's loopback ports 8545 (chain), 5080 (HEMS) and 5090 (daemon status) are replaced by free ports, so the
///   walkthrough never meets another node on the machine.
/// - Commands read /dev/null as stdin: the guides take passwords from files and confirm sends with --yes.
/// </summary>
[TestFixture]
public sealed class WalkthroughTests
{
    private static readonly string[] Sections = ["Get `energy` on PATH", "Guide: run a market", "Guide: trade as a household"];
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    [Test]
    [CancelAfter(8 * 60 * 1000)]
    public async Task The_readme_guides_run_as_written_from_a_fresh_node_to_a_settled_trade_and_a_cancelled_window()
    {
        using var environment = GuideEnvironment.Create();
        var commands = Guide.Commands(WithFreePorts(await File.ReadAllTextAsync(Path.Combine(environment.Repository, "README.md"))), Sections)
            .Select(c => WithBuiltPrograms(c, environment)).ToList();
        GuideShell? shell = null;
        try
        {
            shell = new GuideShell(environment.Repository, environment.Variables());
            foreach (var command in commands)
            {
                var (exitCode, output) = await RunAsync(shell, command, environment);
                Assert.That(exitCode, Is.Zero, $"[{command.Section}] `{command.Text}` exited {exitCode}:\n{output}\n\nThe walkthrough so far:\n{Tail(shell.Transcript)}{Logs(environment)}");
                if (command.Expected is { } expected)
                    Assert.That(Collapse(output), Does.Contain(Collapse(expected)),
                        $"[{command.Section}] `{command.Text}` does not print what the guide says it does");
            }
        }
        finally
        {
            if (shell is not null)
            {
                // The whole session, for reading what the guide printed (also when everything passed).
                var transcript = Path.Combine(TestContext.CurrentContext.WorkDirectory, "walkthrough-transcript.txt");
                await File.WriteAllTextAsync(transcript, shell.Transcript);
                TestContext.AddTestAttachment(transcript);
                await shell.DisposeAsync();
                Assert.That(shell.GroupMembers(), Is.Empty, "processes the guide started outlived the walkthrough");
            }
        }
    }

    [Test]
    public void The_guides_state_the_outputs_a_household_relies_on()
    {
        var readme = File.ReadAllText(Path.Combine(GuideEnvironment.RepositoryPath(), "README.md"));
        var checkedCommands = Guide.Commands(readme, Sections).Where(c => c.Expected is not null).Select(c => c.Text).ToList();

        Assert.That(checkedCommands, Has.Some.StartsWith("energy registry record-distances"), "the feeder distances the DSO records");
        Assert.That(checkedCommands, Has.Some.StartsWith("energy trades"), "the price a buyer paid");
        Assert.That(checkedCommands, Has.Some.StartsWith("energy market verify"), "the verdict of the audit");
        Assert.That(checkedCommands, Has.Some.StartsWith("energy window cancel"), "the cancel of a stalled window");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(GuideShell shell, GuideCommand command, GuideEnvironment environment)
    {
        try
        {
            return await shell.RunAsync(command.Text, CommandTimeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"[{command.Section}] {e.Message}{Logs(environment)}", e);
        }
    }

    // The logs of the guide's background services (hardhat.log, hems.log, operator.log), which say why a wait never ended.
    private static string Logs(GuideEnvironment environment) => string.Concat(
        Directory.EnumerateFiles(environment.Home, "*.log", SearchOption.AllDirectories).Where(f => !f.Contains("/.npm/", StringComparison.Ordinal))
            .Select(f => $"\n\n--- {Path.GetFileName(f)} (last lines) ---\n{string.Join('\n', File.ReadLines(f).TakeLast(25))}"));

    private static string WithFreePorts(string readme)
    {
        foreach (var port in new[] { "8545", "5080", "5090" })
            readme = Regex.Replace(readme, $@"\b{port}\b", GuideEnvironment.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        return readme;
    }

    private static GuideCommand WithBuiltPrograms(GuideCommand command, GuideEnvironment environment)
    {
        var publish = Regex.Match(command.Text, @"dotnet publish src/(EnergyAuction\.\w+) -c Release -o ([^\s)]+)\)?$");
        if (!publish.Success) return command;
        var folder = publish.Groups[2].Value;
        return command with { Text = $"mkdir -p \"$(dirname {folder})\" && ln -sfn '{environment.Built(publish.Groups[1].Value)}' {folder}" };
    }

    private static string Collapse(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    private static string Tail(string transcript) => string.Join('\n', transcript.Split('\n').TakeLast(60));
}
