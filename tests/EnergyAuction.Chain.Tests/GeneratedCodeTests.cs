using System.Diagnostics;
using EnergyAuction.Devnet;

namespace EnergyAuction.Chain.Tests;

/// <summary>The committed typed contract access (src/EnergyAuction.Chain/Generated) is what scripts/codegen.sh makes
/// from the current Hardhat artifacts: a contract changed without regenerating fails here.</summary>
public class GeneratedCodeTests
{
    private static string Committed => Path.Combine(RepoPaths.Root, "src", "EnergyAuction.Chain", "Generated");

    [Test]
    public void The_committed_generated_code_equals_a_fresh_generation_from_the_artifacts()
    {
        var fresh = Path.Combine(RepoPaths.WorkDir("codegen"), Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "scripts/codegen.js", "--out", fresh }) start.ArgumentList.Add(arg);
        using (var process = Process.Start(start)!)
        {
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.That(process.ExitCode, Is.Zero, error);
        }
        try
        {
            var expected = Files(fresh);
            var actual = Files(Committed);
            Assert.That(actual.Keys, Is.EquivalentTo(expected.Keys), "run scripts/codegen.sh and commit src/EnergyAuction.Chain/Generated");
            foreach (var (file, text) in expected)
                Assert.That(actual[file], Is.EqualTo(text), $"{file} is stale: run scripts/codegen.sh and commit the result");
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }

    [Test]
    public void The_generated_OrderView_has_the_layout_the_fast_order_decoder_reads() =>
        Assert.That(OrderViewWords.Applies, "the generated OrderView has the layout the fast decoder reads");

    private static Dictionary<string, string> Files(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText);
}
