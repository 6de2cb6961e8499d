using System.Reflection;
using System.Text.Json;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Demo;

/// <summary>The built demo program run as a child process, as scripts/demo.sh runs it, with its JSON summary.</summary>
public sealed record DemoProgram(int ExitCode, string Output, JsonElement? Summary)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    private static string Configuration =>
        typeof(DemoProgram).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static async Task<DemoProgram> RunAsync(params string[] args)
    {
        var summaryFile = Path.Combine(Path.GetTempPath(), $"demo-summary-{Guid.NewGuid():N}.json");
        await using var demo = ChildProcess.Start("demo", "dotnet",
            [RepoPaths.BuiltProgram("EnergyAuction.Demo", Configuration), .. args, "--json-summary", summaryFile], RepoPaths.Root);
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await demo.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the demo did not finish within {Timeout.TotalMinutes:0} minutes; its last output:\n{demo.Output}");
        }
        JsonElement? summary = null;
        if (File.Exists(summaryFile))
        {
            summary = JsonDocument.Parse(await File.ReadAllTextAsync(summaryFile)).RootElement.Clone();
            File.Delete(summaryFile);
        }
        return new DemoProgram(demo.ExitCode, demo.Output, summary);
    }

    public override string ToString() => $"exit {ExitCode}; output:\n{Output}";
}
