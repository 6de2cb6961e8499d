namespace EnergyAuction.Cli.Tests.Live;

/// <summary>`energy deploy` keeps the record of a live market unless told otherwise, and writes its default record under
/// the repository root wherever it is run from.</summary>
public class DeployTests
{
    private static string CopyOfLiveRecord()
    {
        var copy = Path.Combine(LiveMarket.Directory, $"copy-{Guid.NewGuid():N}.json");
        File.Copy(LiveMarket.DeploymentFile, copy);
        return copy;
    }

    private static string Expected(string file) =>
        $"error: deployment {file} is a live market: EnergyTrade {System.Text.Json.JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("contracts").GetProperty("EnergyTrade").GetProperty("address").GetString()} "
        + $"still has code on the chain at {LiveMarket.Node.RpcUrl.TrimEnd('/')}/; pass --force to replace it or --out FILE";

    [Test]
    public async Task ALiveMarketsRecordIsNotOverwritten()
    {
        var before = File.ReadAllText(LiveMarket.DeploymentFile);

        var run = await CliRun.Of("deploy", "--from", "operator");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error.Trim(), Is.EqualTo(Expected(LiveMarket.DeploymentFile)));
        Assert.That(run.Out, Is.Empty);
        Assert.That(File.ReadAllText(LiveMarket.DeploymentFile), Is.EqualTo(before));
    }

    [Test]
    public async Task ForceReplacesALiveRecord()
    {
        var copy = CopyOfLiveRecord();
        var before = File.ReadAllText(copy);
        var refused = await CliRun.Of("deploy", "--from", "operator", "--out", copy);
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
        Assert.That(refused.Error.Trim(), Is.EqualTo(Expected(copy)));

        var forced = await Energy.Ok("deploy", "--from", "operator", "--out", copy, "--force", "--json");

        Assert.That(forced.Json.GetProperty("deployment").GetString(), Is.EqualTo(copy));
        Assert.That(File.ReadAllText(copy), Is.Not.EqualTo(before));
        Assert.That(forced.Json.GetProperty("energyTrade").GetString(), Does.Contain(
            System.Text.Json.JsonDocument.Parse(File.ReadAllText(copy)).RootElement.GetProperty("contracts").GetProperty("EnergyTrade").GetProperty("address").GetString()));
    }

    [Test]
    public async Task OutWritesAnotherRecord()
    {
        var fresh = Path.Combine(LiveMarket.Directory, $"new-{Guid.NewGuid():N}", "besu.json");

        var run = await Energy.Ok("deploy", "--from", "operator", "--out", fresh);

        Assert.That(run.Out, Does.StartWith($"deployed the market on chain 31337; record written to {fresh}"));
        Assert.That(File.Exists(fresh));
    }

    [Test]
    public async Task DeployNamesTheWalletThatRecordsTheFeederDistancesNext()
    {
        var own = await Energy.Ok("deploy", "--from", "operator", "--out", Path.Combine(LiveMarket.Directory, $"own-{Guid.NewGuid():N}.json"));
        var dso = await Energy.Ok("deploy", "--from", "operator", "--registrar", Devnet.HardhatAccounts.Registrar.Address,
            "--out", Path.Combine(LiveMarket.Directory, $"dso-{Guid.NewGuid():N}.json"));

        Assert.That(own.Error, Does.Contain($"next: the registrar {LiveMarket.OperatorKey.Address} records the feeder's distances with `energy registry record-distances --from operator`"),
            "the deployer is the registrar by default");
        Assert.That(dso.Error, Does.Contain($"next: the registrar {Devnet.HardhatAccounts.Registrar.Address} records the feeder's distances with `energy registry record-distances --from DSO_WALLET`"));
    }

    [Test]
    public async Task TheDefaultRecordIsUnderTheRepositoryRootEvenFromSrc()
    {
        var repo = Path.Combine(LiveMarket.Directory, $"repo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(repo, "src", "EnergyAuction.Cli"));
        File.WriteAllText(Path.Combine(repo, "hardhat.config.js"), "module.exports = {};\n");

        await InFolderWithoutDeploymentVariable(Path.Combine(repo, "src", "EnergyAuction.Cli"), () => Energy.Ok("deploy", "--from", "operator"));

        Assert.That(File.Exists(Path.Combine(repo, "deployments", "localhost.json")));
        Assert.That(Directory.Exists(Path.Combine(repo, "src", "EnergyAuction.Cli", "deployments")), Is.False);
        Assert.That(Directory.Exists(Path.Combine(repo, "src", "deployments")), Is.False);
    }

    [Test]
    public async Task OutsideARepositoryTheDefaultRecordIsUnderTheCurrentFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"energy-deploy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            await InFolderWithoutDeploymentVariable(folder, () => Energy.Ok("deploy", "--from", "operator"));

            Assert.That(File.Exists(Path.Combine(folder, "deployments", "localhost.json")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task InFolderWithoutDeploymentVariable(string folder, Func<Task> action)
    {
        var cwd = Directory.GetCurrentDirectory();
        var variable = Environment.GetEnvironmentVariable(SharedOptions.DeploymentEnvironmentVariable);
        Directory.SetCurrentDirectory(folder);
        Environment.SetEnvironmentVariable(SharedOptions.DeploymentEnvironmentVariable, null);
        try
        {
            await action();
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
            Environment.SetEnvironmentVariable(SharedOptions.DeploymentEnvironmentVariable, variable);
        }
    }
}
