using EnergyAuction.Operator.Options;
using Microsoft.Extensions.Configuration;

namespace EnergyAuction.Operator.Tests;

public class OperatorOptionsTests
{
    private const string Dso = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    private string _dir = null!;

    [SetUp]
    public void CreateFiles()
    {
        _dir = Directory.CreateTempSubdirectory("operator-options-").FullName;
        File.WriteAllText(Path.Combine(_dir, "deployment.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "operator.keystore.json"), "{}");
        File.WriteAllText(Path.Combine(_dir, "password.txt"), "correct horse\n");
        Environment.SetEnvironmentVariable(KeystorePassword.EnvironmentVariable, null);
    }

    [TearDown]
    public void RemoveFiles()
    {
        Environment.SetEnvironmentVariable(KeystorePassword.EnvironmentVariable, null);
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_Window__Mechanism", null);
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_BatchSize", null);
        Directory.Delete(_dir, recursive: true);
    }

    internal static string[] ValidArgs(string dir, params string[] extra) =>
    [
        "--rpc-url", "http://127.0.0.1:8545",
        "--deployment", Path.Combine(dir, "deployment.json"),
        "--keystore", Path.Combine(dir, "operator.keystore.json"),
        "--keystore-password-file", Path.Combine(dir, "password.txt"),
        "--fee-recipient", Dso,
        .. extra,
    ];

    private static OperatorOptions Load(string[] args) =>
        OperatorConfiguration.Bind(new ConfigurationBuilder().AddOperatorSources(args).Build());

    private static IReadOnlyList<string> ProblemsOf(string[] args) =>
        Assert.Throws<OperatorOptionsException>(() => Load(args))!.Problems;

    [Test]
    public void Flags_set_every_part_of_the_configuration()
    {
        var options = Load(ValidArgs(_dir,
            "--hems-url", "http://127.0.0.1:5081", "--hems-allow", "127.0.0.1:5081, hems.local",
            "--window-every", "900", "--bidding", "30", "--mechanism", "uniform", "--reference-price", "123456789012345678901234567890",
            "--batch-size", "25", "--validate-offers", "false", "--checkpoint", "/tmp/cp.json"));
        Assert.That(options.RpcUrl, Is.EqualTo("http://127.0.0.1:8545"));
        Assert.That(options.AllowedHemsHosts(), Is.EqualTo(new[] { "127.0.0.1:5081", "hems.local" }));
        Assert.That(options.WindowEverySeconds, Is.EqualTo(900));
        Assert.That(options.Window.BiddingSeconds, Is.EqualTo(30));
        Assert.That(options.Window.MatchingSeconds, Is.EqualTo(120), "defaults stay");
        Assert.That(options.Window.Mechanism, Is.EqualTo("uniform"));
        Assert.That(options.Window.ReferencePrice, Is.EqualTo("123456789012345678901234567890"));
        Assert.That(options.Window.ValidateOffers, Is.False);
        Assert.That(options.BatchSize, Is.EqualTo(25));
        Assert.That(options.CheckpointFile, Is.EqualTo("/tmp/cp.json"));
        Assert.That(KeystorePassword.Read(options), Is.EqualTo("correct horse"));
    }

    [Test]
    public void Environment_variables_apply_and_flags_win_over_them()
    {
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_Window__Mechanism", "mcafee");
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_BatchSize", "7");
        var options = Load(ValidArgs(_dir, "--batch-size", "9"));
        Assert.That(options.Window.Mechanism, Is.EqualTo("mcafee"));
        Assert.That(options.BatchSize, Is.EqualTo(9));
    }

    [Test]
    public void Allow_list_defaults_to_the_hems_host()
    {
        var options = Load(ValidArgs(_dir, "--hems-url", "http://127.0.0.1:5099/"));
        Assert.That(options.AllowedHemsHosts(), Is.EqualTo(new[] { "127.0.0.1:5099" }));
    }

    [Test]
    public void Password_comes_from_the_environment_first()
    {
        Environment.SetEnvironmentVariable(KeystorePassword.EnvironmentVariable, "from env");
        var args = ValidArgs(_dir).Take(6).Concat(["--fee-recipient", Dso]).ToArray();
        Assert.That(KeystorePassword.Read(Load(args)), Is.EqualTo("from env"));
    }

    [Test]
    public void Missing_password_is_reported()
    {
        var args = ValidArgs(_dir).Take(6).Concat(["--fee-recipient", Dso]).ToArray();
        Assert.That(ProblemsOf(args), Has.Some.Contains("ENERGY_OPERATOR_PASSWORD"));
    }

    [TestCase("--password")]
    [TestCase("--password=secret")]
    [TestCase("--keystore-password")]
    public void A_password_flag_is_rejected(string flag)
    {
        var problems = ProblemsOf(ValidArgs(_dir, flag, "secret"));
        Assert.That(problems.Single(), Does.Contain("never taken as a flag"));
    }

    [Test]
    public void An_unknown_flag_is_rejected() =>
        Assert.That(ProblemsOf(ValidArgs(_dir, "--bidding-time", "5")).Single(), Does.Contain("--bidding-time: unknown flag"));

    [TestCase("--rpc-url", "localhost:8545", "RpcUrl")]
    [TestCase("--deployment", "/no/such/deployment.json", "DeploymentFile")]
    [TestCase("--keystore", "/no/such/keystore.json", "KeystoreFile")]
    [TestCase("--hems-url", "hems", "HemsBaseUrl")]
    [TestCase("--feeder-dir", "/no/such/feeder", "FeederDirectory")]
    [TestCase("--status-url", "loopback", "StatusUrl")]
    [TestCase("--window-every", "-1", "WindowEverySeconds")]
    [TestCase("--bidding", "0", "Window:BiddingSeconds")]
    [TestCase("--grace", "0", "Window:GraceSeconds")]
    [TestCase("--max-energy", "0", "Window:MaxEnergyWh")]
    [TestCase("--reference-price", "0.05", "Window:ReferencePrice")]
    [TestCase("--grid-charge", "-1", "Window:GridCharge")]
    [TestCase("--penalty-rate", "lots", "Window:PenaltyRate")]
    [TestCase("--fee-recipient", "0x1234", "Window:FeeRecipient")]
    [TestCase("--mechanism", "vickrey", "Window:Mechanism")]
    [TestCase("--batch-size", "0", "BatchSize")]
    [TestCase("--batch-gas", "1000", "BatchGasLimit")]
    [TestCase("--poll-interval", "0", "PollIntervalMilliseconds")]
    [TestCase("--hems-retries", "99", "HemsRetries")]
    public void A_bad_setting_is_named(string flag, string value, string setting)
    {
        var args = ValidArgs(_dir).Concat([flag, value]).ToArray();
        Assert.That(ProblemsOf(args), Has.Some.StartsWith(setting + ":"));
    }

    [Test]
    public void A_value_of_the_wrong_type_is_reported_not_thrown_raw()
    {
        var problems = ProblemsOf(ValidArgs(_dir, "--batch-size", "many"));
        Assert.That(problems.Single(), Does.Contain("BatchSize"));
    }

    [Test]
    public void Every_problem_is_reported_at_once()
    {
        var problems = ProblemsOf(["--bidding", "0", "--mechanism", "x"]);
        Assert.That(problems, Has.Count.GreaterThanOrEqualTo(5));
    }
}
