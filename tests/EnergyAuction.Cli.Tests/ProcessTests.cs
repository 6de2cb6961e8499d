using System.Diagnostics;

namespace EnergyAuction.Cli.Tests;

/// <summary>The built `energy` executable, as a user runs it: real exit codes and streams.</summary>
public class ProcessTests
{
    [Test]
    public async Task TheExecutableExitsTwoOnBadInputAndZeroOnSuccess()
    {
        var good = await Run("market", "clear", "--input", BookFiles.Write(BookFiles.ThesisVector), "--json");
        var bad = await Run("market", "clear", "--input", BookFiles.Write("""{"offers": [{"id": "x", "energy": 0, "price": 1, "seq": 1}], "bids": []}"""));

        Assert.That(good.ExitCode, Is.Zero, good.Error);
        Assert.That(good.Out, Does.Contain("\"price\":16500"));
        Assert.That(bad.ExitCode, Is.EqualTo(2));
        Assert.That(bad.Error, Does.Contain("offer #0 (id \"x\"): energy"));
        Assert.That(bad.Out, Is.Empty);
    }

    [Test]
    public async Task TheExecutableExitsOneWhenTheCommandCannotDoItsJob()
    {
        var emptyKeystore = Path.Combine(Path.GetTempPath(), $"energy-empty-{Guid.NewGuid():N}");

        var run = await Run("balance", "--keystore-dir", emptyKeystore);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error.Trim(), Is.EqualTo($"error: no wallets in {emptyKeystore}: create one with `energy wallet new` or `energy wallet import` (or pass --keystore-dir)"));
        Assert.That(run.Out, Is.Empty);
    }

    private static async Task<CliRun> Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "energy.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
