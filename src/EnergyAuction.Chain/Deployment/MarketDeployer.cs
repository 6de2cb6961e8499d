using System.Numerics;
using System.Text;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Services;
using EnergyAuction.Chain.Transactions;
using LT = EnergyAuction.Chain.Generated.LinkToken.ContractDefinition;

namespace EnergyAuction.Chain.Deployment;

/// <summary>What a market deployment is wired with; the defaults are scripts/deploy.js's.</summary>
public sealed record MarketDeploymentOptions
{
    /// <summary>Given the operator role on EnergyTrade; null = the deployer.</summary>
    public string? OperatorAddress { get; init; }

    /// <summary>The registrar (the DSO): given DataAccess's registrar role, so it alone registers meters; null = the deployer.</summary>
    public string? RegistrarAddress { get; init; }

    /// <summary>The market-wide fee recipient (the DSO's address); null = the registrar.</summary>
    public string? FeeRecipientAddress { get; init; }

    /// <summary>Made the Chainlink Operator's authorised sender; null = the deployer.</summary>
    public string? OracleNodeAddress { get; init; }

    public string HemsUrl { get; init; } = "http://127.0.0.1:5080";

    /// <summary>bytes32 "energyauction-hems-get", as ethers.encodeBytes32String writes it.</summary>
    public byte[] JobId { get; init; } = Bytes32("energyauction-hems-get");

    /// <summary>0.1 LINK per request, in juels.</summary>
    public BigInteger OracleFee { get; init; } = BigInteger.Pow(10, 17);

    /// <summary>1,000 LINK minted to the oracle client.</summary>
    public BigInteger LinkFunding { get; init; } = BigInteger.Pow(10, 21);

    private static byte[] Bytes32(string text)
    {
        var word = new byte[32];
        Encoding.ASCII.GetBytes(text, word);
        return word;
    }
}

/// <summary>Deploys and wires the whole market the way scripts/deploy.js does (LinkToken, Operator, DataAccess,
/// EnergyTrade, EnergyOracleClient; oracle client set, fee recipient set, roles granted, oracle node authorised, LINK
/// minted), with the
/// deployer's key signing every transaction locally, so it works on any JSON-RPC chain (Besu, anvil, Hardhat).</summary>
public static class MarketDeployer
{
    public static async Task<MarketDeploymentRecord> DeployAsync(TransactionSender deployer, string network, MarketDeploymentOptions options,
        Action<string>? log = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        ArgumentNullException.ThrowIfNull(options);
        var say = log ?? (_ => { });
        var chainId = await deployer.GetChainIdAsync(ct).ConfigureAwait(false);
        var me = deployer.Address;
        var operatorAddress = options.OperatorAddress ?? me;
        var registrar = options.RegistrarAddress ?? me;
        var feeRecipient = options.FeeRecipientAddress ?? registrar;
        var oracleNode = options.OracleNodeAddress ?? me;

        var link = await Deployed(ContractDeployer.LinkTokenAsync(deployer, ct), say).ConfigureAwait(false);
        var oracle = await Deployed(ContractDeployer.OperatorAsync(deployer, link.Address, me, ct), say).ConfigureAwait(false);
        var dataAccess = await Deployed(ContractDeployer.DataAccessAsync(deployer, me, registrar, ct), say).ConfigureAwait(false);
        var trade = await Deployed(ContractDeployer.EnergyTradeAsync(deployer, dataAccess.Address, me, ct), say).ConfigureAwait(false);
        var client = await Deployed(ContractDeployer.EnergyOracleClientAsync(deployer, link.Address, oracle.Address, options.JobId,
            options.OracleFee, options.HemsUrl, trade.Address, dataAccess.Address, ct), say).ConfigureAwait(false);

        var rpc = deployer.Rpc;
        var tradeService = new EnergyTradeService(rpc, trade.Address, deployer);
        var dataAccessService = new DataAccessService(rpc, dataAccess.Address, deployer);
        var linkService = new LinkTokenService(rpc, link.Address, deployer);
        await tradeService.SetOracleClientAsync(client.Address, ct).ConfigureAwait(false);
        say("EnergyTrade: oracle client set (ORACLE_ROLE)");
        await dataAccessService.SetMarketAsync(trade.Address, ct).ConfigureAwait(false);
        say("DataAccess: market set (meters with open orders stay with their owner)");
        await tradeService.SetFeeRecipientAsync(feeRecipient, ct).ConfigureAwait(false);
        say($"EnergyTrade: fee recipient {feeRecipient}");
        if (!Crypto.ChainAddress.AreEqual(operatorAddress, me))
        {
            await tradeService.GrantRoleAsync(EnergyTradeService.OperatorRole, operatorAddress, ct).ConfigureAwait(false);
            say($"EnergyTrade: OPERATOR_ROLE -> {operatorAddress}");
        }
        await new OracleOperatorService(rpc, oracle.Address, deployer).SetAuthorizedSendersAsync([oracleNode], ct).ConfigureAwait(false);
        say($"Operator: authorised sender {oracleNode}");
        await linkService.GrantMintRoleAsync(me, ct).ConfigureAwait(false);
        say("LinkToken: deployer may mint");
        await linkService.MintAsync(client.Address, options.LinkFunding, ct).ConfigureAwait(false);
        say($"LinkToken: {options.LinkFunding} juels to the oracle client");

        return new MarketDeploymentRecord(network, (ulong)chainId, link.Block, link.Address, oracle.Address, dataAccess.Address,
            trade.Address, client.Address, Crypto.ChainAddress.ToChecksum(registrar), options.JobId, options.OracleFee);
    }

    private static async Task<DeployedContract> Deployed(Task<DeployedContract> deploying, Action<string> say)
    {
        var contract = await deploying.ConfigureAwait(false);
        say($"{contract.Name} deployed at {contract.Address} (block {contract.Block})");
        return contract;
    }
}
