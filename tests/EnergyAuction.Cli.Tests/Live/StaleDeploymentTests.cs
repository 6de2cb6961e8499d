using System.Text.Json.Nodes;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>A deployment record that does not belong to the chain at --rpc (a reset node, another chain) is named as
/// such by every command that reads the market, instead of "no orders" or an ABI decoding error.</summary>
public class StaleDeploymentTests
{
    private static string Record(Action<JsonNode> change)
    {
        var record = JsonNode.Parse(File.ReadAllText(LiveMarket.DeploymentFile))!;
        change(record);
        var path = Path.Combine(LiveMarket.Directory, $"stale-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, record.ToJsonString());
        return path;
    }

    [TestCase("orders", "--from", "operator")]
    [TestCase("window", "status")]
    [TestCase("balance", "--from", "operator")]
    [TestCase("meter", "status", "--meter", "M-7")]
    [TestCase("market", "verify", "--window", "1")]
    [TestCase("trades", "--from", "operator")]
    public async Task ContractsWithoutCodeAreAStaleRecord(params string[] command)
    {
        const string nowhere = "0x00000000000000000000000000000000DeaDBeef";
        var stale = Record(r => r["contracts"]!["EnergyTrade"]!["address"] = nowhere);

        var run = await CliRun.Of([.. command, "--deployment", stale]);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error.Trim(), Is.EqualTo(
            $"error: deployment {stale} does not match the chain at {LiveMarket.Node.RpcUrl.TrimEnd('/')}/: no contract code at EnergyTrade {nowhere}; "
            + "redeploy (`energy deploy`) or pass --deployment FILE"));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public async Task ARecordOfAnotherChainIsNamed()
    {
        var other = Record(r => r["chainId"] = 1);

        var run = await CliRun.Of("window", "status", "--deployment", other);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(run.Error, Does.Contain($"deployment {other} does not match the chain at").And.Contain("it is for chain 1, the node serves chain 31337"));
    }
}
