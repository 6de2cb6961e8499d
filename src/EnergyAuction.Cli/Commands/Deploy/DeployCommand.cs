using System.CommandLine;
using System.Diagnostics;
using EnergyAuction.Chain;

namespace EnergyAuction.Cli.Commands.Deploy;

/// <summary>
/// `energy deploy`: a wrapper over the repository's Hardhat deploy script (scripts/deploy.js), so operators deploy
/// exactly what the tests deploy. The script signs with the node's first unlocked account, so this is for development
/// chains (Hardhat); on a consortium chain run the script with a configured Hardhat network instead (docs/CLI.md).
/// </summary>
public static class DeployCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static Command Build(CliContext context)
    {
        var operatorAddress = Addresses.Option("--operator", "Address given the operator role (default: the deployer)");
        var oracleNode = Addresses.Option("--oracle-node", "Address allowed to fulfil oracle requests (default: the deployer)");
        var hemsUrl = new Option<string?>("--hems-url") { Description = "Base URL of the HEMS meter-data service (default http://127.0.0.1:5080)" };
        var repo = new Option<string?>("--repo") { Description = "Repository root holding scripts/deploy.js and node_modules (default: found from the working directory)" };
        var command = new Command("deploy",
            "Deploy the market contracts with scripts/deploy.js and write the deployment record to --deployment\n\nExample:\n  energy deploy --rpc http://127.0.0.1:8545 --deployment deployments/localhost.json")
        {
            operatorAddress, oracleNode, hemsUrl, repo, SharedOptions.Rpc, SharedOptions.Deployment,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var rpc = SharedOptions.RequireRpc(parseResult);
            var root = parseResult.GetValue(repo) is { Length: > 0 } r ? Path.GetFullPath(r) : FindRoot();
            var hardhat = Path.Combine(root, "node_modules", "hardhat", "internal", "cli", "bootstrap.js");
            if (!File.Exists(hardhat))
                throw CliException.Usage($"Hardhat is not installed under {root}; run scripts/setup.sh there or pass --repo DIR");
            var file = Path.GetFullPath(parseResult.GetValue(SharedOptions.Deployment) ?? SharedOptions.DefaultDeployment);
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { hardhat, "run", "scripts/deploy.js", "--network", "localhost" })
                start.ArgumentList.Add(arg);
            start.Environment["RPC_URL"] = rpc.ToString().TrimEnd('/');
            start.Environment["DEPLOYMENT_FILE"] = file;
            start.Environment["OPERATOR_ADDRESS"] = parseResult.GetValue(operatorAddress) ?? "";
            start.Environment["ORACLE_NODE_ADDRESS"] = parseResult.GetValue(oracleNode) ?? "";
            start.Environment["HEMS_URL"] = parseResult.GetValue(hemsUrl) ?? "";
            start.Environment["NO_COLOR"] = "1";
            var (exitCode, log) = await RunAsync(start, cancellationToken);
            if (parseResult.GetValue(SharedOptions.Verbose))
                context.Note(log.TrimEnd());
            if (exitCode != 0 || !File.Exists(file))
                throw CliException.Failure($"scripts/deploy.js failed (exit {exitCode}) against {rpc}: {LastLine(log)}");

            var record = MarketDeploymentRecord.Load(file);
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

    private static async Task<(int ExitCode, string Log)> RunAsync(ProcessStartInfo start, CancellationToken cancellationToken)
    {
        using var process = Process.Start(start) ?? throw CliException.Failure("could not start node; is Node.js installed?");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw CliException.Failure($"scripts/deploy.js did not finish within {Timeout.TotalMinutes:0} minutes");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string LastLine(string log) =>
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.Contains("Error", StringComparison.Ordinal))
        ?? log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "hardhat.config.js")))
                return dir.FullName;
        }

        throw CliException.Usage("no hardhat.config.js above the working directory: run from inside the repository or pass --repo DIR");
    }
}
