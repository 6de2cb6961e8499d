using EnergyAuction.Chain;
using EnergyAuction.Devnet;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>
/// One Hardhat node for every live test of the CLI: started once, the market deployed with `energy deploy` (signed with the imported operator wallet), the
/// operator's dev key and the dev registrar's (the DSO, who registers meters) imported with `energy wallet import`, and the
/// feeder's distances recorded by the registrar with `energy registry record-distances`. The CLI finds the node, record, keystores and password
/// through its environment variables, as a user's shell would set them.
/// </summary>
[SetUpFixture]
public sealed class LiveMarket
{
    public const string Password = "correct horse battery staple";

    private static readonly string[] Variables =
        [SharedOptions.RpcEnvironmentVariable, SharedOptions.DeploymentEnvironmentVariable, SharedOptions.KeystoreEnvironmentVariable, Wallet.PasswordSource.FileVariable];

    private static HardhatNode? _node;
    private static readonly Dictionary<string, string?> Saved = [];

    public static HardhatNode Node => _node ?? throw new InvalidOperationException("the live market is not running");

    public static string Directory { get; private set; } = "";

    public static string DeploymentFile => Path.Combine(Directory, "localhost.json");

    public static string PasswordFile => Path.Combine(Directory, "password.txt");

    /// <summary>The operator's key (Hardhat account 0, the deployer: admin and operator; the registrar is another key).</summary>
    public static Chain.Crypto.AccountKey OperatorKey => Node.Accounts[0];

    public static MarketClient Operator { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _node = await HardhatNode.StartAsync();
        Directory = Path.Combine(RepoPaths.WorkDir("cli-tests"), Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        PrivateFiles.Write(PasswordFile, Password + "\n");
        foreach (var variable in Variables)
            Saved[variable] = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(SharedOptions.RpcEnvironmentVariable, Node.RpcUrl);
        Environment.SetEnvironmentVariable(SharedOptions.DeploymentEnvironmentVariable, DeploymentFile);
        Environment.SetEnvironmentVariable(SharedOptions.KeystoreEnvironmentVariable, Path.Combine(Directory, "keystore"));
        Environment.SetEnvironmentVariable(Wallet.PasswordSource.FileVariable, PasswordFile);

        var keyFile = Path.Combine(Directory, "operator.key");
        PrivateFiles.Write(keyFile, HardhatAccounts.PrivateKeys[0]);
        var import = await CliRun.Of("wallet", "import", "--private-key-file", keyFile, "--name", "operator", "--scrypt-n", "1024");
        Assert.That(import.ExitCode, Is.Zero, import.ToString());
        var registrarKeyFile = Path.Combine(Directory, "registrar.key");
        PrivateFiles.Write(registrarKeyFile, HardhatAccounts.RegistrarPrivateKey);
        var registrar = await CliRun.Of("wallet", "import", "--private-key-file", registrarKeyFile, "--name", "registrar", "--scrypt-n", "1024");
        Assert.That(registrar.ExitCode, Is.Zero, registrar.ToString());
        var deploy = await CliRun.Of("deploy", "--from", "operator", "--registrar", HardhatAccounts.Registrar.Address, "--json");
        Assert.That(deploy.ExitCode, Is.Zero, deploy.ToString());
        // The DSO records the feeder's distances, as the README's guide has it, so the windows the tests clear find every
        // match's distance in the registry. Without the IEEE feeder there is nothing to record (and no bus a test uses).
        if (File.Exists(Path.Combine(Data.SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir), "lines.csv")))
        {
            var distances = await CliRun.Of("registry", "record-distances", "--from", "registrar");
            Assert.That(distances.ExitCode, Is.Zero, distances.ToString());
        }
        Operator = MarketClient.Connect(Node.RpcUrl, MarketDeploymentRecord.Load(DeploymentFile), OperatorKey);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Operator?.Dispose();
        foreach (var (variable, value) in Saved)
            Environment.SetEnvironmentVariable(variable, value);
        if (_node is not null)
            await _node.DisposeAsync();
        _node = null;
    }
}
