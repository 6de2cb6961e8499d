using EnergyAuction.Chain;

namespace EnergyAuction.Devnet;

/// <summary>Deploys the whole market with the repository's own deploy script (scripts/deploy.js), so the demo and
/// the integration tests run against exactly what operators deploy; then the dev registrar records the feeder's
/// distances (<see cref="FeederRegistration"/>).</summary>
public static class MarketDeployment
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs `hardhat run scripts/deploy.js --network localhost` against the node and returns the path of the
    /// deployment record it wrote (<paramref name="deploymentFile"/>, or a fresh file under .work/deployments/).</summary>
    /// <param name="operatorAddress">Gets the operator role (empty: the deployer, Hardhat account 0).</param>
    /// <param name="oracleNodeAddress">The Chainlink Operator's authorised sender (empty: the deployer).</param>
    /// <param name="hemsUrl">The HEMS base URL the oracle client asks (empty: the script's default).</param>
    /// <param name="feeRecipientAddress">The market-wide fee recipient (empty: the registrar).</param>
    /// <param name="dataDirectory">The data directory whose feeder the registrar records (default: the shared one, as the
    /// daemon finds it); pass the one the daemon is given when it is another.</param>
    /// <remarks>The registrar is always <see cref="HardhatAccounts.Registrar"/>, never the operator.</remarks>
    public static async Task<string> DeployAsync(DevChainNode node, string? operatorAddress = null,
        string? oracleNodeAddress = null, string? hemsUrl = null, string? deploymentFile = null, string? feeRecipientAddress = null,
        string? dataDirectory = null)
    {
        var file = deploymentFile ?? Path.Combine(RepoPaths.WorkDir("deployments"), $"localhost-{node.Port}-{Guid.NewGuid():N}.json");
        var environment = new Dictionary<string, string>
        {
            ["RPC_URL"] = node.RpcUrl,
            ["DEPLOYMENT_FILE"] = file,
            ["OPERATOR_ADDRESS"] = operatorAddress ?? "",
            ["ORACLE_NODE_ADDRESS"] = oracleNodeAddress ?? "",
            ["REGISTRAR_ADDRESS"] = HardhatAccounts.Registrar.Address,
            ["FEE_RECIPIENT_ADDRESS"] = feeRecipientAddress ?? "",
            ["HEMS_URL"] = hemsUrl ?? "",
        };
        await using var deploy = ChildProcess.Start("scripts/deploy.js", "node",
            [RepoPaths.HardhatCli, "run", "scripts/deploy.js", "--network", "localhost"], RepoPaths.Root, environment);
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await deploy.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw deploy.Failure($"did not finish within {Timeout.TotalMinutes:0} minutes against {node.RpcUrl}");
        }
        if (deploy.ExitCode != 0 || !File.Exists(file))
            throw deploy.Failure($"failed against {node.RpcUrl}");
        await FeederRegistration.RecordAsync(node, MarketDeploymentRecord.Load(file), dataDirectory ?? RepoPaths.SharedDataDir).ConfigureAwait(false);
        return file;
    }
}
