using EnergyAuction.Operator.Options;
using Microsoft.Extensions.Configuration;

namespace EnergyAuction.Operator.Tests;

public class OperatorOptionsTests
{
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
        foreach (var setting in OperatorSettings.All) Environment.SetEnvironmentVariable(setting.EnvironmentVariable, null);
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_Window__Mechanism", null);
        Directory.Delete(_dir, recursive: true);
    }

    internal static string[] ValidArgs(string dir, params string[] extra) =>
    [
        "--rpc-url", "http://127.0.0.1:8545",
        "--deployment", Path.Combine(dir, "deployment.json"),
        "--keystore", Path.Combine(dir, "operator.keystore.json"),
        "--password-file", Path.Combine(dir, "password.txt"),
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
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_WINDOW_MECHANISM", "mcafee");
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_BATCH_SIZE", "7");
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
        var args = ValidArgs(_dir).Take(6).ToArray();
        Assert.That(KeystorePassword.Read(Load(args)), Is.EqualTo("from env"));
    }

    [Test]
    public void Missing_password_is_reported()
    {
        var args = ValidArgs(_dir).Take(6).ToArray();
        Assert.That(ProblemsOf(args), Has.Member("no keystore password: set ENERGY_OPERATOR_PASSWORD or ENERGY_OPERATOR_PASSWORD_FILE / --password-file"));
    }

    [TestCase("--password")]
    [TestCase("--password=secret")]
    [TestCase("--keystore-password")]
    [TestCase("--keystore-password-file")]
    public void A_password_flag_is_rejected(string flag)
    {
        var problems = ProblemsOf(ValidArgs(_dir, flag, "secret"));
        Assert.That(problems.Single(), Does.Contain("never taken as a flag; set ENERGY_OPERATOR_PASSWORD or ENERGY_OPERATOR_PASSWORD_FILE / --password-file"));
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
    [TestCase("--penalty-rate", "0", "Window:PenaltyRate")]
    [TestCase("--penalty-rate", "999", "Window:PenaltyRate")]
    [TestCase("--mechanism", "vickrey", "Window:Mechanism")]
    [TestCase("--batch-size", "0", "BatchSize")]
    [TestCase("--gas-budget", "1000", "GasBudget")]
    [TestCase("--poll-interval", "0", "PollIntervalMilliseconds")]
    [TestCase("--hems-retries", "99", "HemsRetries")]
    public void A_bad_setting_is_named(string flag, string value, string setting)
    {
        var args = ValidArgs(_dir).Concat([flag, value]).ToArray();
        var names = OperatorSettings.ByKey(setting);
        Assert.That(ProblemsOf(args), Has.Some.StartsWith($"{setting} ({flag} / {names.EnvironmentVariable}):"));
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

    [TestCase("RpcUrl", "--rpc-url", "ENERGY_OPERATOR_RPC_URL")]
    [TestCase("DeploymentFile", "--deployment", "ENERGY_OPERATOR_DEPLOYMENT_FILE")]
    [TestCase("KeystoreFile", "--keystore", "ENERGY_OPERATOR_KEYSTORE_FILE")]
    [TestCase("PasswordFile", "--password-file", "ENERGY_OPERATOR_PASSWORD_FILE")]
    [TestCase("HemsBaseUrl", "--hems-url", "ENERGY_OPERATOR_HEMS_BASE_URL")]
    [TestCase("HemsAllowList", "--hems-allow", "ENERGY_OPERATOR_HEMS_ALLOW_LIST")]
    [TestCase("DataDirectory", "--data-dir", "ENERGY_OPERATOR_DATA_DIRECTORY")]
    [TestCase("FeederDirectory", "--feeder-dir", "ENERGY_OPERATOR_FEEDER_DIRECTORY")]
    [TestCase("CheckpointFile", "--checkpoint", "ENERGY_OPERATOR_CHECKPOINT_FILE")]
    [TestCase("StatusUrl", "--status-url", "ENERGY_OPERATOR_STATUS_URL")]
    [TestCase("WindowEverySeconds", "--window-every", "ENERGY_OPERATOR_WINDOW_EVERY_SECONDS")]
    [TestCase("Window:BiddingSeconds", "--bidding", "ENERGY_OPERATOR_WINDOW_BIDDING_SECONDS")]
    [TestCase("Window:MatchingSeconds", "--matching", "ENERGY_OPERATOR_WINDOW_MATCHING_SECONDS")]
    [TestCase("Window:TransferSeconds", "--transfer", "ENERGY_OPERATOR_WINDOW_TRANSFER_SECONDS")]
    [TestCase("Window:SettlementSeconds", "--settlement", "ENERGY_OPERATOR_WINDOW_SETTLEMENT_SECONDS")]
    [TestCase("Window:GraceSeconds", "--grace", "ENERGY_OPERATOR_WINDOW_GRACE_SECONDS")]
    [TestCase("Window:MaxEnergyWh", "--max-energy", "ENERGY_OPERATOR_WINDOW_MAX_ENERGY_WH")]
    [TestCase("Window:ReferencePrice", "--reference-price", "ENERGY_OPERATOR_WINDOW_REFERENCE_PRICE")]
    [TestCase("Window:GridCharge", "--grid-charge", "ENERGY_OPERATOR_WINDOW_GRID_CHARGE")]
    [TestCase("Window:MaxDistanceMetres", "--max-distance", "ENERGY_OPERATOR_WINDOW_MAX_DISTANCE_METRES")]
    [TestCase("Window:PenaltyRate", "--penalty-rate", "ENERGY_OPERATOR_WINDOW_PENALTY_RATE")]
    [TestCase("Window:Mechanism", "--mechanism", "ENERGY_OPERATOR_WINDOW_MECHANISM")]
    [TestCase("Window:ValidateOffers", "--validate-offers", "ENERGY_OPERATOR_WINDOW_VALIDATE_OFFERS")]
    [TestCase("BatchSize", "--batch-size", "ENERGY_OPERATOR_BATCH_SIZE")]
    [TestCase("GasBudget", "--gas-budget", "ENERGY_OPERATOR_GAS_BUDGET")]
    [TestCase("PollIntervalMilliseconds", "--poll-interval", "ENERGY_OPERATOR_POLL_INTERVAL_MILLISECONDS")]
    [TestCase("HemsTimeoutMilliseconds", "--hems-timeout", "ENERGY_OPERATOR_HEMS_TIMEOUT_MILLISECONDS")]
    [TestCase("HemsRetries", "--hems-retries", "ENERGY_OPERATOR_HEMS_RETRIES")]
    public void Each_setting_has_its_flag_and_variable_and_both_set_it(string key, string flag, string variable)
    {
        var setting = OperatorSettings.ByKey(key);
        Assert.That((setting.Flag, setting.EnvironmentVariable), Is.EqualTo((flag, variable)));
        var value = setting.Example.Replace("~", _dir, StringComparison.Ordinal);
        Assert.That(new ConfigurationBuilder().AddOperatorSources([flag, value]).Build()[key], Is.EqualTo(value), "the flag");
        Environment.SetEnvironmentVariable(variable, value);
        Assert.That(new ConfigurationBuilder().AddOperatorSources([]).Build()[key], Is.EqualTo(value), "the variable");
    }

    [Test]
    public void Every_option_is_in_the_table_once()
    {
        var keys = typeof(OperatorOptions).GetProperties().Where(p => p.Name != nameof(OperatorOptions.Window)).Select(p => p.Name)
            .Concat(typeof(WindowOptions).GetProperties().Select(p => "Window:" + p.Name));
        Assert.That(OperatorSettings.All.Select(s => s.Key), Is.EquivalentTo(keys).And.Unique);
    }

    [Test]
    public void The_table_gives_the_defaults_the_options_have()
    {
        var options = new OperatorOptions();
        foreach (var setting in OperatorSettings.All.Where(s => s.Default is not ("required" or "none") && !s.Default.Contains(' ') && !s.Default.StartsWith('<')))
        {
            var parts = setting.Key.Split(':');
            object owner = parts.Length == 2 ? options.Window : options;
            var value = owner.GetType().GetProperty(parts[^1])!.GetValue(owner);
            Assert.That(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant(), Is.EqualTo(setting.Default), setting.Key);
        }
    }

    [Test]
    public void The_password_file_variable_of_the_readme_gives_the_password()
    {
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_PASSWORD_FILE", Path.Combine(_dir, "password.txt"));
        var args = ValidArgs(_dir).Take(6).ToArray();
        Assert.That(KeystorePassword.Read(Load(args)), Is.EqualTo("correct horse"));
    }

    [Test]
    public void An_unknown_operator_variable_is_rejected_with_the_known_names()
    {
        Environment.SetEnvironmentVariable("ENERGY_OPERATOR_Window__Mechanism", "mcafee");
        var problem = ProblemsOf(ValidArgs(_dir)).Single();
        Assert.That(problem, Does.StartWith("ENERGY_OPERATOR_Window__Mechanism: unknown environment variable"));
        Assert.That(problem, Does.Contain("ENERGY_OPERATOR_WINDOW_MECHANISM"));
    }

    [Test]
    public void Help_lists_every_setting_with_its_variable_default_and_an_example_start()
    {
        var help = OperatorHelp.Text();
        foreach (var s in OperatorSettings.All)
            Assert.That(help, Does.Contain($"  {s.Flag} <value>").And.Contain($"key {s.Key}, variable {s.EnvironmentVariable}, default "));
        Assert.That(help, Does.Contain("default 600").And.Contain("ENERGY_OPERATOR_PASSWORD").And.Contain("--rpc-url http://127.0.0.1:8545"));
    }

    [Test]
    public void The_validator_fails_options_with_every_problem()
    {
        var result = new OperatorOptionsValidator().Validate(null, new OperatorOptions());
        Assert.That(result.Failed, Is.True);
        Assert.That(result.Failures!.Count(), Is.GreaterThanOrEqualTo(4));
    }
}
