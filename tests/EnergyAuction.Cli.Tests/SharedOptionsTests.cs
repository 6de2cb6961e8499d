namespace EnergyAuction.Cli.Tests;

public class SharedOptionsTests
{
    [Test]
    public void RpcComesFromTheOptionTheEnvironmentOrTheLocalDefault()
    {
        var command = new System.CommandLine.Command("probe") { SharedOptions.Rpc, SharedOptions.Deployment };
        var previous = Environment.GetEnvironmentVariable(SharedOptions.RpcEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(SharedOptions.RpcEnvironmentVariable, "http://127.0.0.1:8545");
            Assert.That(SharedOptions.RequireRpc(command.Parse([])), Is.EqualTo(new Uri("http://127.0.0.1:8545")));
            Assert.That(SharedOptions.RequireRpc(command.Parse(["--rpc", "http://10.0.0.2:8545"])).Host, Is.EqualTo("10.0.0.2"));

            Environment.SetEnvironmentVariable(SharedOptions.RpcEnvironmentVariable, null);
            Assert.That(SharedOptions.RequireRpc(command.Parse([])), Is.EqualTo(new Uri(SharedOptions.DefaultRpc)));
            Assert.That(() => SharedOptions.RequireRpc(command.Parse(["--rpc", "ftp://x"])),
                Throws.TypeOf<CliException>().With.Property(nameof(CliException.ExitCode)).EqualTo(2).And.Message.Contains("ftp://x"));
            Assert.That(() => SharedOptions.RequireDeployment(command.Parse(["--deployment", "/no/such.json"])),
                Throws.TypeOf<CliException>().With.Message.Contains("/no/such.json"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(SharedOptions.RpcEnvironmentVariable, previous);
        }
    }

    [Test]
    public async Task UnknownCommandsAreUsageErrors()
    {
        var run = await CliRun.Of("market", "auction");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("error: "));
    }

    [Test]
    public async Task HelpListsTheMarketGroup()
    {
        var run = await CliRun.Of("--help");

        Assert.That(run.ExitCode, Is.Zero);
        Assert.That(run.Out, Does.Contain("market"));
    }
}
