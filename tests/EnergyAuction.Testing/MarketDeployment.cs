using System.Diagnostics;

namespace EnergyAuction.Testing;

/// <summary>Deploys the whole market to a test node with the repository's own deploy script
/// (scripts/deploy.js), so integration tests run against exactly what operators deploy.</summary>
public static class MarketDeployment
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>Runs `hardhat run scripts/deploy.js --network localhost` against the node and returns the path
    /// of the deployments JSON it wrote (a fresh file under .work/deployments/).</summary>
    public static async Task<string> DeployAsync(HardhatNode node, string? operatorAddress = null,
        string? oracleNodeAddress = null, string? hemsUrl = null)
    {
        var root = RepoPaths.Root;
        var file = Path.Combine(RepoPaths.WorkDir("deployments"), $"localhost-{node.Port}-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(root, "node_modules", "hardhat", "internal", "cli", "bootstrap.js"), "run", "scripts/deploy.js", "--network", "localhost" })
            start.ArgumentList.Add(arg);
        start.Environment["RPC_URL"] = node.RpcUrl;
        start.Environment["DEPLOYMENT_FILE"] = file;
        start.Environment["OPERATOR_ADDRESS"] = operatorAddress ?? "";
        start.Environment["ORACLE_NODE_ADDRESS"] = oracleNodeAddress ?? "";
        start.Environment["HEMS_URL"] = hemsUrl ?? "";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start hardhat run");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/deploy.js did not finish within {Timeout.TotalMinutes:0} minutes");
        }
        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0 || !File.Exists(file))
            throw new InvalidOperationException($"scripts/deploy.js failed (exit {process.ExitCode}) against {node.RpcUrl}:\n{output}");
        return file;
    }
}
