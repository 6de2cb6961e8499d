using EnergyAuction.Chain;
using EnergyAuction.Devnet;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>The DSO records the IEEE feeder's load-bus distances with `energy registry record-distances`, each test on a
/// market of its own (deployed with `energy deploy --out`, so the recording starts from an empty registry): every pair
/// once, nothing sent again on a second run, a changed figure corrected, and only the registrar's wallet may record.</summary>
public class RegistryCommandsTests
{
    [SetUp]
    public void RequireTheIeeeFeeder()
    {
        var feeder = Data.SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir);
        Assume.That(File.Exists(Path.Combine(feeder, "lines.csv")), $"needs the IEEE feeder in {feeder}");
    }

    private static async Task<string> MarketWithAnEmptyRegistryAsync()
    {
        var deployment = Path.Combine(LiveMarket.Directory, $"registry-{Guid.NewGuid():N}.json");
        await Energy.Ok("deploy", "--from", "operator", "--registrar", HardhatAccounts.Registrar.Address, "--out", deployment);
        return deployment;
    }

    [Test]
    public async Task The_dso_records_every_pair_of_load_buses_once_and_a_second_run_sends_nothing()
    {
        var deployment = await MarketWithAnEmptyRegistryAsync();
        var first = await Energy.Ok("registry", "record-distances", "--from", "registrar", "--deployment", deployment);
        var again = await Energy.Ok("registry", "record-distances", "--from", "registrar", "--deployment", deployment, "--json");
        var distance = await Energy.Ok("registry", "distance", "--bus-a", "208", "--bus-b", "178", "--deployment", deployment);

        Assert.That(first.Out.Trim(), Is.EqualTo("recorded 1,485 distances between 55 load buses in 8 transactions"));
        Assert.That(first.Error, Does.Contain("recorded 200 of 1,485 distances").And.Contain("recorded 1,485 of 1,485 distances"), "progress per transaction");
        Assert.That(again.Json.GetProperty("recorded").GetInt32(), Is.Zero);
        Assert.That(again.Json.GetProperty("alreadyRecorded").GetInt32(), Is.EqualTo(1_485));
        Assert.That(again.Json.GetProperty("transactions").GetInt32(), Is.Zero);
        Assert.That(distance.Out.Trim(), Is.EqualTo("buses 208 and 178: 50 m"), "M-8 and M-7 of the README's household guide");
    }

    [Test]
    public async Task A_figure_that_differs_from_the_feeder_is_recorded_again()
    {
        var deployment = await MarketWithAnEmptyRegistryAsync();
        await Energy.Ok("registry", "record-distances", "--from", "registrar", "--deployment", deployment);
        using (var registrar = MarketClient.Connect(LiveMarket.Node.RpcUrl, MarketDeploymentRecord.Load(deployment), HardhatAccounts.Registrar))
            await registrar.DataAccess.RecordDistancesAsync([(178, 208, 7)]);

        var run = await Energy.Ok("registry", "record-distances", "--from", "registrar", "--deployment", deployment, "--batch", "500");
        var distance = await Energy.Ok("registry", "distance", "--bus-a", "178", "--bus-b", "208", "--deployment", deployment, "--json");

        Assert.That(run.Out.Trim(), Is.EqualTo("recorded 1 distance between 55 load buses in 1 transaction (1,484 already recorded)"));
        Assert.That(distance.Json.GetProperty("metres").GetUInt64(), Is.EqualTo(50UL));
    }

    [Test]
    public async Task A_wallet_without_the_registrar_role_is_told_so_and_records_nothing()
    {
        var fresh = await MarketWithAnEmptyRegistryAsync();

        var run = await CliRun.Of("registry", "record-distances", "--from", "operator", "--deployment", fresh);
        var distance = await Energy.Ok("registry", "distance", "--bus-a", "178", "--bus-b", "208", "--deployment", fresh, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.StartWith($"error: wallet operator ({LiveMarket.OperatorKey.Address}) does not hold the registrar role")
            .And.Contain(HardhatAccounts.Registrar.Address));
        Assert.That(distance.Json.GetProperty("recorded").GetBoolean(), Is.False);
    }

    [Test]
    public async Task A_data_directory_without_the_ieee_feeder_says_where_it_looked()
    {
        var empty = Directory.CreateTempSubdirectory("no-feeder-").FullName;
        try
        {
            var run = await CliRun.Of("registry", "record-distances", "--from", "registrar", "--data-dir", empty);

            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Error, Does.Contain($"no IEEE feeder under {empty}: looked for {Path.Combine(empty, "ieee-eu-lv", "lines.csv")}"));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Test]
    public async Task A_batch_of_no_distances_is_a_usage_error()
    {
        var run = await CliRun.Of("registry", "record-distances", "--from", "registrar", "--batch", "0");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain("--batch must be between 1 and 1,000"));
    }

    [Test]
    public async Task A_pair_nobody_recorded_says_so()
    {
        var run = await Energy.Ok("registry", "distance", "--bus-a", "178", "--bus-b", "1");

        Assert.That(run.Out, Does.StartWith("buses 178 and 1: not recorded"));
    }
}
