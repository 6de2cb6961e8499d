using System.CommandLine;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Deployment;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using EnergyAuction.Cli.Wallet;

namespace EnergyAuction.Cli.Commands.Deploy;

/// <summary>
/// `energy deploy`: deploys and wires the market from its compiled bytecode (EnergyAuction.Chain's generated deployment
/// messages), every transaction signed locally with the --from wallet, so it works on any JSON-RPC chain, including
/// ones without unlocked accounts (Besu, anvil). It does what scripts/deploy.js does for Hardhat users and writes the
/// same deployment record.
/// </summary>
public static class DeployCommand
{
    public static Command Build(CliContext context)
    {
        var operatorAddress = Addresses.Option("--operator", "Address given the operator role (default: the deployer)");
        var oracleNode = Addresses.Option("--oracle-node", "Address allowed to fulfil oracle requests (default: the deployer)");
        var hemsUrl = new Option<string?>("--hems-url") { Description = "Base URL of the HEMS meter-data service (default http://127.0.0.1:5080)" };
        var command = new Command("deploy",
            "Deploy the market contracts, signed with the --from wallet, and write the deployment record to --deployment\n\nExample:\n  energy deploy --rpc http://127.0.0.1:8545 --from admin --deployment deployments/besu.json")
        {
            operatorAddress, oracleNode, hemsUrl, SharedOptions.Rpc, SharedOptions.Deployment, SharedOptions.KeystoreDir, SharedOptions.From,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var rpcUrl = SharedOptions.RequireRpc(parseResult);
            var file = Path.GetFullPath(parseResult.GetValue(SharedOptions.Deployment) ?? SharedOptions.DefaultDeployment);
            var (_, key) = WalletUnlock.Unlock(context, parseResult);
            var options = new MarketDeploymentOptions
            {
                OperatorAddress = parseResult.GetValue(operatorAddress),
                OracleNodeAddress = parseResult.GetValue(oracleNode),
            };
            if (parseResult.GetValue(hemsUrl) is { Length: > 0 } hems) options = options with { HemsUrl = hems.TrimEnd('/') };
            var verbose = parseResult.GetValue(SharedOptions.Verbose);

            using var rpc = new ChainRpcClient(rpcUrl);
            var record = await MarketDeployer.DeployAsync(new TransactionSender(rpc, key), Path.GetFileNameWithoutExtension(file), options,
                verbose ? context.Note : null, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, record.ToJson(), cancellationToken);

            var output = context.For(parseResult);
            if (output.Json)
            {
                output.WriteJson(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("deployment", file);
                    json.WriteNumber("chainId", record.ChainId);
                    json.WriteString("energyTrade", record.EnergyTrade);
                    json.WriteString("dataAccess", record.DataAccess);
                    json.WriteString("oracleClient", record.EnergyOracleClient);
                    json.WriteString("operator", record.Operator);
                    json.WriteString("linkToken", record.LinkToken);
                    json.WriteEndObject();
                });
            }
            else
            {
                output.WriteLine($"deployed the market on chain {record.ChainId}; record written to {file}");
                output.WriteLine($"EnergyTrade:        {record.EnergyTrade}");
                output.WriteLine($"DataAccess:         {record.DataAccess}");
                output.WriteLine($"EnergyOracleClient: {record.EnergyOracleClient}");
                output.WriteLine($"Operator:           {record.Operator}");
                output.WriteLine($"LinkToken:          {record.LinkToken}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
