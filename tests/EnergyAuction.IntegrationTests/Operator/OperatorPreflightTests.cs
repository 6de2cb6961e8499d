using System.Diagnostics;
using System.Reflection;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Deployment;
using EnergyAuction.Chain.KeyStore;
using EnergyAuction.Chain.Services;
using EnergyAuction.Devnet;
using EnergyAuction.Operator;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// The daemon's checks before it starts its services, on a real Hardhat node: each way it could not operate the market
/// is one line saying what to do, and the built program exits 2 with it.
/// </summary>
[NonParallelizable]
public sealed class OperatorPreflightTests : OperatorMarketFixture
{
    private const string Password = "preflight test password";

    private async Task<string?> PreflightAsync(OperatorOptions options)
    {
        await using var app = OperatorApp.Build(options);
        return await OperatorApp.PreflightAsync(app);
    }

    private OperatorOptions Options() => Market.DaemonOptions(Path.Combine(Market.Dir, "preflight-checkpoint.json"));

    /// <summary>A keystore (and its password file) for <paramref name="key"/>.</summary>
    private (string Keystore, string PasswordFile) KeystoreOf(AccountKey key)
    {
        var keystore = Path.Combine(Market.Dir, $"{key.Address}.keystore.json");
        File.WriteAllText(keystore, new Keystore(pbkdf2Iterations: 1024).EncryptAndSerialize(key, Password, KdfKind.Pbkdf2));
        var passwordFile = Path.Combine(Market.Dir, $"{key.Address}.password");
        File.WriteAllText(passwordFile, Password);
        return (keystore, passwordFile);
    }

    [Test]
    public async Task The_operator_key_of_the_deployment_passes() =>
        Assert.That(await PreflightAsync(Options()), Is.Null);

    [Test]
    public async Task An_unreachable_chain_is_named_with_what_to_do()
    {
        var options = Options();
        options.RpcUrl = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var problem = await PreflightAsync(options);
        Assert.That(problem, Does.StartWith($"the chain at {options.RpcUrl} is not reachable"));
        Assert.That(problem, Does.EndWith("start the node or set RpcUrl (--rpc-url / ENERGY_OPERATOR_RPC_URL)"));
    }

    [Test]
    public async Task A_deployment_whose_contracts_have_no_code_is_named()
    {
        var stale = Market.Deployment with { EnergyTrade = AccountKey.GenerateNew().Address };
        var options = Options();
        options.DeploymentFile = Path.Combine(Market.Dir, "stale-deployment.json");
        await File.WriteAllTextAsync(options.DeploymentFile, stale.ToJson());
        var problem = await PreflightAsync(options);
        Assert.That(problem, Is.EqualTo($"deployment {options.DeploymentFile} does not match the chain at {options.RpcUrl}: EnergyTrade {stale.EnergyTrade} has no code; " +
                                        "redeploy (energy deploy) or set DeploymentFile (--deployment / ENERGY_OPERATOR_DEPLOYMENT_FILE)"));
    }

    [Test]
    public async Task A_key_without_the_operator_role_is_named()
    {
        var stranger = await Market.Node.NewFundedKeyAsync();
        var options = Options();
        (options.KeystoreFile, options.PasswordFile) = KeystoreOf(stranger);
        var problem = await PreflightAsync(options);
        Assert.That(problem, Does.StartWith($"operator key {stranger.Address} lacks OPERATOR_ROLE on EnergyTrade {Market.Deployment.EnergyTrade}; grant it"));
        Assert.That(problem, Does.EndWith("or start with the operator's keystore (KeystoreFile (--keystore / ENERGY_OPERATOR_KEYSTORE_FILE))"));
    }

    [Test]
    public async Task A_key_that_is_not_an_authorised_sender_of_the_oracle_is_named()
    {
        var halfOperator = await Market.Node.NewFundedKeyAsync();
        await Market.Admin.Trade.GrantRoleAsync(EnergyTradeService.OperatorRole, halfOperator.Address);
        var options = Options();
        (options.KeystoreFile, options.PasswordFile) = KeystoreOf(halfOperator);
        Assert.That(await PreflightAsync(options),
            Does.StartWith($"operator key {halfOperator.Address} is not an authorised sender of the Chainlink Operator {Market.Deployment.Operator}; add it"));
    }

    [Test]
    public async Task A_market_whose_admin_has_not_named_the_fee_recipient_is_named()
    {
        var admin = Market.Node.NewTransactionSender(await Market.Node.NewFundedKeyAsync());
        var bare = await ContractDeployer.EnergyTradeAsync(admin, Market.Deployment.DataAccess, admin.Address);
        await new EnergyTradeService(Market.Node.Rpc, bare.Address, admin).GrantRoleAsync(EnergyTradeService.OperatorRole, Market.DaemonKey.Address);
        var options = Options();
        options.DeploymentFile = Path.Combine(Market.Dir, "no-fee-recipient-deployment.json");
        await File.WriteAllTextAsync(options.DeploymentFile, (Market.Deployment with { EnergyTrade = bare.Address }).ToJson());
        Assert.That(await PreflightAsync(options), Is.EqualTo($"EnergyTrade {bare.Address} has no fee recipient, so no window can open; " +
                                                               "the admin names the DSO's address with EnergyTrade.setFeeRecipient (energy deploy does)"));
    }

    [Test]
    public async Task The_built_daemon_exits_2_with_the_one_line()
    {
        var stranger = await Market.Node.NewFundedKeyAsync();
        var (keystore, passwordFile) = KeystoreOf(stranger);
        var (exitCode, _, stderr) = await RunDaemonAsync("--rpc-url", Market.Node.RpcUrl,
            "--deployment", Market.DeploymentFile, "--keystore", keystore, "--password-file", passwordFile,
            "--status-url", $"http://127.0.0.1:{LoopbackPort.Free()}",
            "--checkpoint", Path.Combine(Market.Dir, "exit-checkpoint.json"));
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.StartWith($"energy-operator: cannot start: operator key {stranger.Address} lacks OPERATOR_ROLE"));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    public async Task The_built_daemon_prints_every_option_for_help_and_exits_0(string flag)
    {
        var (exitCode, stdout, _) = await RunDaemonAsync(flag);
        Assert.That(exitCode, Is.Zero);
        foreach (var setting in OperatorSettings.All)
            Assert.That(stdout, Does.Contain(setting.Flag + " <value>").And.Contain(setting.EnvironmentVariable));
    }

    /// <summary>Runs the built daemon to its exit: exit code, standard output, standard error.</summary>
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunDaemonAsync(params string[] args)
    {
        var configuration = typeof(OperatorPreflightTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(RepoPaths.BuiltProgram("EnergyAuction.Operator", configuration));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, stderr);
    }
}
