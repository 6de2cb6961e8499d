using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Services;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Operator.Chain;

/// <summary>
/// What would keep the daemon from operating the market, checked once before the hosted services start: the chain
/// does not answer, the deployment's contracts are not on it, the key lacks the operator's rights, or the admin has not
/// named the fee recipient (no window could open). Each would otherwise make every round fail forever.
/// </summary>
public static class OperatorPreflight
{
    /// <summary>One line saying what is wrong and what to do, or null when the daemon can operate.</summary>
    public static async Task<string?> ProblemAsync(OperatorChain chain, OperatorOptions options, CancellationToken ct)
    {
        var url = options.RpcUrl;
        var deployment = chain.Deployment;
        ulong chainId;
        try
        {
            chainId = (ulong)await chain.Market.Rpc.ChainIdAsync(ct);
        }
        catch (Exception e) when (e is RpcUnavailableException or RpcProtocolException or HttpRequestException)
        {
            return $"the chain at {url} is not reachable ({e.Message}); start the node or set {OperatorSettings.ByKey("RpcUrl").Names}";
        }

        var record = Path.GetFullPath(options.DeploymentFile!);
        var redeploy = $"redeploy (energy deploy) or set {OperatorSettings.ByKey("DeploymentFile").Names}";
        if (chainId != deployment.ChainId)
            return $"deployment {record} is for chain {deployment.ChainId}, the chain at {url} is chain {chainId}; {redeploy}";
        foreach (var (name, address) in new[] { ("LinkToken", deployment.LinkToken), ("Operator", deployment.Operator),
                     ("DataAccess", deployment.DataAccess), ("EnergyTrade", deployment.EnergyTrade), ("EnergyOracleClient", deployment.EnergyOracleClient) })
            if ((await chain.Market.Rpc.GetCodeAsync(address, ct: ct)).Length == 0)
                return $"deployment {record} does not match the chain at {url}: {name} {address} has no code; {redeploy}";

        var account = chain.Account;
        var keystore = $"or start with the operator's keystore ({OperatorSettings.ByKey("KeystoreFile").Names})";
        if (!await chain.Market.Trade.HasRoleAsync(EnergyTradeService.OperatorRole, account, ct))
            return $"operator key {account} lacks OPERATOR_ROLE on EnergyTrade {deployment.EnergyTrade}; " +
                   $"grant it from the admin account (EnergyTrade.grantRole(OPERATOR_ROLE, {account})) {keystore}";
        if (!await chain.Market.Operator.IsAuthorizedSenderAsync(account, ct))
            return $"operator key {account} is not an authorised sender of the Chainlink Operator {deployment.Operator}; " +
                   $"add it from the Operator's owner (Operator.setAuthorizedSenders([{account}])) {keystore}";
        if (ChainAddress.IsZero(await chain.Market.Trade.FeeRecipientAsync(ct)))
            return $"EnergyTrade {deployment.EnergyTrade} has no fee recipient, so no window can open; " +
                   "the admin names the DSO's address with EnergyTrade.setFeeRecipient (energy deploy does)";
        return null;
    }
}
