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
        var registrar = Addresses.Option("--registrar", "The DSO's address, given the registrar role: it alone registers meters (default: the deployer)");
        var feeRecipient = Addresses.Option("--fee-recipient", "Address credited with every window's grid fees (default: the registrar)");
        var oracleNode = Addresses.Option("--oracle-node", "Address allowed to fulfil oracle requests (default: the deployer)");
        var hemsUrl = new Option<string?>("--hems-url") { Description = "Base URL of the HEMS meter-data service (default http://127.0.0.1:5080)" };
        var output = new Option<string?>("--out", "--deployment")
        {
            Description = $"Where to write the deployment record (default: ${SharedOptions.DeploymentEnvironmentVariable}, else deployments/localhost.json under the repository root)",
        };
        var force = new Option<bool>("--force") { Description = "Replace a deployment record whose contracts still have code on the chain" };
        var command = new Command("deploy",
            "Deploy the market contracts, signed with the --from wallet, and write the deployment record to --out; a record whose contracts still have code is kept unless --force\n\nExample:\n  energy deploy --rpc http://127.0.0.1:8545 --from admin --operator 0x70997970C51812dc3A010C7d01b50e0d17dc79C8 --registrar 0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC --out deployments/besu.json")
        {
            operatorAddress, registrar, feeRecipient, oracleNode, hemsUrl, output, force, SharedOptions.Rpc, SharedOptions.KeystoreDir, SharedOptions.From,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var rpcUrl = SharedOptions.RequireRpc(parseResult);
            var file = Path.GetFullPath(parseResult.GetValue(output) ?? SharedOptions.DefaultDeploymentFile());
            using var rpc = new ChainRpcClient(rpcUrl);
            if (!parseResult.GetValue(force))
                await LiveRecordGuard.RequireReplaceableAsync(rpc, file, cancellationToken);
            var (wallet, key) = WalletUnlock.Unlock(context, parseResult);
            var options = new MarketDeploymentOptions
            {
                OperatorAddress = parseResult.GetValue(operatorAddress),
                RegistrarAddress = parseResult.GetValue(registrar),
                FeeRecipientAddress = parseResult.GetValue(feeRecipient),
                OracleNodeAddress = parseResult.GetValue(oracleNode),
            };
            if (parseResult.GetValue(hemsUrl) is { Length: > 0 } hems) options = options with { HemsUrl = hems.TrimEnd('/') };
            var verbose = parseResult.GetValue(SharedOptions.Verbose);

            var record = await MarketDeployer.DeployAsync(new TransactionSender(rpc, key), Path.GetFileNameWithoutExtension(file), options,
                verbose ? context.Note : null, cancellationToken);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, record.ToJson(), cancellationToken);

            var printer = context.For(parseResult);
            if (printer.Json)
            {
                printer.WriteJson(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("deployment", file);
                    json.WriteNumber("chainId", record.ChainId);
                    json.WriteString("energyTrade", record.EnergyTrade);
                    json.WriteString("dataAccess", record.DataAccess);
                    json.WriteString("registrar", record.Registrar);
                    json.WriteString("oracleClient", record.EnergyOracleClient);
                    json.WriteString("operator", record.Operator);
                    json.WriteString("linkToken", record.LinkToken);
                    json.WriteEndObject();
                });
            }
            else
            {
                printer.WriteLine($"deployed the market on chain {record.ChainId}; record written to {file}");
                printer.WriteLine($"EnergyTrade:        {record.EnergyTrade}");
                printer.WriteLine($"DataAccess:         {record.DataAccess}");
                printer.WriteLine($"registrar:          {record.Registrar}");
                printer.WriteLine($"EnergyOracleClient: {record.EnergyOracleClient}");
                printer.WriteLine($"Operator:           {record.Operator}");
                printer.WriteLine($"LinkToken:          {record.LinkToken}");
            }

            // Deploying records no feeder distances (that needs the data directory and is the DSO's job); say who does.
            var recorder = string.Equals(record.Registrar, key.Address, StringComparison.OrdinalIgnoreCase) ? wallet.Name : "DSO_WALLET";
            context.Note($"next: the registrar {record.Registrar} records the feeder's distances with `energy registry record-distances --from {recorder}`");
            return ExitCodes.Success;
        });
        return command;
    }
}
