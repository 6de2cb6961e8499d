using System.Numerics;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Transactions;
using Nethereum.Contracts;
using Nethereum.Contracts.MessageEncodingServices;
using DA = EnergyAuction.Chain.Generated.DataAccess.ContractDefinition;
using EOC = EnergyAuction.Chain.Generated.EnergyOracleClient.ContractDefinition;
using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;
using LT = EnergyAuction.Chain.Generated.LinkToken.ContractDefinition;
using OP = EnergyAuction.Chain.Generated.Operator.ContractDefinition;

namespace EnergyAuction.Chain.Deployment;

/// <summary>Deploys each of the market's contracts from its compiled bytecode (carried by the deployment messages
/// generated from the Hardhat artifacts), as a locally signed transaction: no unlocked account needed.</summary>
public static class ContractDeployer
{
    public static Task<DeployedContract> LinkTokenAsync(TransactionSender sender, CancellationToken ct = default) =>
        DeployAsync(sender, new LT.LinkTokenDeployment(), ChainAbis.LinkToken, ct);

    public static Task<DeployedContract> OperatorAsync(TransactionSender sender, string linkToken, string owner, CancellationToken ct = default) =>
        DeployAsync(sender, new OP.OperatorDeployment { Link = linkToken, Owner = owner }, ChainAbis.Operator, ct);

    public static Task<DeployedContract> DataAccessAsync(TransactionSender sender, string admin, string registrar, CancellationToken ct = default) =>
        DeployAsync(sender, new DA.DataAccessDeployment { Admin = admin, Registrar = registrar }, ChainAbis.DataAccess, ct);

    public static Task<DeployedContract> EnergyTradeAsync(TransactionSender sender, string dataAccess, string admin, CancellationToken ct = default) =>
        DeployAsync(sender, new ET.EnergyTradeDeployment { Dataaccess = dataAccess, Admin = admin }, ChainAbis.EnergyTrade, ct);

    public static Task<DeployedContract> EnergyOracleClientAsync(TransactionSender sender, string linkToken, string oracleOperator, byte[] jobId,
        BigInteger fee, string hemsBaseUrl, string energyTrade, string dataAccess, CancellationToken ct = default) =>
        DeployAsync(sender, new EOC.EnergyOracleClientDeployment
        {
            Link = linkToken,
            Operator = oracleOperator,
            Jobid = jobId,
            Fee = fee,
            Hemsbaseurl = hemsBaseUrl,
            Energytrade = energyTrade,
            Dataaccess = dataAccess,
        }, ChainAbis.EnergyOracleClient, ct);

    private static async Task<DeployedContract> DeployAsync<TDeployment>(TransactionSender sender, TDeployment deployment, ContractErrors errors,
        CancellationToken ct) where TDeployment : ContractDeploymentMessage, new()
    {
        var data = new DeploymentMessageEncodingService<TDeployment>().GetDeploymentData(deployment);
        var receipt = await sender.SendAndWaitAsync(new TransactionInput(null, Hex.HexConvert.FromHex(data)), errors, ct).ConfigureAwait(false);
        var address = receipt.ContractAddress
            ?? throw new InvalidOperationException($"deploying {errors.ContractName} gave no contract address (tx {receipt.TransactionHash})");
        return new DeployedContract(errors.ContractName, address, receipt.BlockNumber);
    }
}

/// <summary>A contract this client deployed: where, and in which block.</summary>
public sealed record DeployedContract(string Name, string Address, ulong Block);
