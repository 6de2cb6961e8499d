namespace EnergyAuction.Testing;

/// <summary>Deploys the whole market to a test node with scripts/deploy.js (<see cref="Devnet.MarketDeployment"/>), so
/// integration tests run against exactly what operators deploy.</summary>
public static class MarketDeployment
{
    /// <summary>Returns the path of the deployment record (a fresh file under .work/deployments/).</summary>
    public static Task<string> DeployAsync(HardhatNode node, string? operatorAddress = null, string? oracleNodeAddress = null, string? hemsUrl = null) =>
        Devnet.MarketDeployment.DeployAsync(node.Devnet, operatorAddress, oracleNodeAddress, hemsUrl);
}
