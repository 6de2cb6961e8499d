using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Connection;

/// <summary>
/// Whether a deployment record belongs to the chain at --rpc: the chain id it names, and code at each contract address.
/// A record left over from a reset node otherwise reads as "no orders" or fails deep inside ABI decoding.
/// </summary>
public static class DeploymentCheck
{
    public static async Task RequireAsync(MarketClient market, string recordPath)
    {
        var d = market.Deployment;
        var contracts = new (string Name, string Address)[]
        {
            ("EnergyTrade", d.EnergyTrade), ("DataAccess", d.DataAccess), ("EnergyOracleClient", d.EnergyOracleClient),
            ("Operator", d.Operator), ("LinkToken", d.LinkToken),
        };
        var chainId = market.Rpc.ChainIdAsync();
        var codes = await Task.WhenAll(contracts.Select(c => market.Rpc.GetCodeAsync(c.Address)));
        var endpoint = market.Rpc.Endpoint;
        if (await chainId != d.ChainId)
            throw Mismatch(recordPath, endpoint, $"it is for chain {d.ChainId}, the node serves chain {await chainId}");
        var missing = contracts.Where((_, i) => codes[i].Length == 0).Select(c => $"{c.Name} {c.Address}").ToList();
        if (missing.Count > 0)
            throw Mismatch(recordPath, endpoint, $"no contract code at {string.Join(", ", missing)}");
    }

    private static CliException Mismatch(string recordPath, Uri endpoint, string why) =>
        CliException.Failure($"deployment {recordPath} does not match the chain at {endpoint}: {why}; redeploy (`energy deploy`) or pass --deployment FILE");
}
