using System.CommandLine;

namespace EnergyAuction.Cli;

/// <summary>
/// Options shared by many commands, declared once. <see cref="Json"/> and <see cref="Verbose"/> are
/// on the root and apply everywhere; commands that talk to the chain add <see cref="Rpc"/> and
/// <see cref="Deployment"/> themselves (an option may belong to several commands), commands that sign
/// add <see cref="KeystoreDir"/> and <see cref="From"/>.
/// </summary>
public static class SharedOptions
{
    public const string RpcEnvironmentVariable = "ENERGY_RPC_URL";
    public const string DeploymentEnvironmentVariable = "ENERGY_DEPLOYMENT";
    public const string KeystoreEnvironmentVariable = "ENERGY_KEYSTORE_DIR";
    public const string DefaultRpc = "http://127.0.0.1:8545";

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print machine-readable JSON instead of a table",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Show details, and stack traces on errors",
        Recursive = true,
    };

    public static readonly Option<string?> Rpc = new("--rpc")
    {
        Description = $"JSON-RPC endpoint of the chain (default: ${RpcEnvironmentVariable}, else {DefaultRpc})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(RpcEnvironmentVariable) is { Length: > 0 } url ? url : DefaultRpc,
    };

    public static readonly Option<string?> Deployment = new("--deployment")
    {
        Description = $"Deployment record (JSON) with the market's contract addresses (default: ${DeploymentEnvironmentVariable}, else deployments/localhost.json under the repository root)",
        DefaultValueFactory = _ => DefaultDeploymentFile(),
    };

    public static readonly Option<string?> KeystoreDir = new("--keystore-dir")
    {
        Description = $"Directory of the wallets' keystore files (default: ${KeystoreEnvironmentVariable}, else $XDG_DATA_HOME/energy/keystore or ~/.energy/keystore)",
    };

    public static readonly Option<string?> From = new("--from")
    {
        Description = "The wallet to use, by name or address (default: the only or first wallet)",
    };

    public static readonly Option<bool> Yes = new("--yes", "-y")
    {
        Description = "Send without asking for confirmation",
    };

    /// <summary>$ENERGY_DEPLOYMENT if set, else deployments/localhost.json under the repository root (<see cref="DeploymentPaths"/>).</summary>
    public static string DefaultDeploymentFile() =>
        Environment.GetEnvironmentVariable(DeploymentEnvironmentVariable) is { Length: > 0 } path ? path : DeploymentPaths.Default();

    /// <summary>The RPC URL, or a usage error if it is not an http(s) URL.</summary>
    public static Uri RequireRpc(ParseResult parseResult)
    {
        var value = parseResult.GetValue(Rpc);
        if (string.IsNullOrWhiteSpace(value))
            throw CliException.Usage($"no RPC endpoint: pass --rpc URL or set {RpcEnvironmentVariable}");
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
            ? uri
            : throw CliException.Usage($"--rpc \"{value}\" is not an http(s) URL");
    }

    /// <summary>The deployment record's path, or a usage error if the file does not exist.</summary>
    public static string RequireDeployment(ParseResult parseResult)
    {
        var path = parseResult.GetValue(Deployment);
        if (string.IsNullOrWhiteSpace(path))
            throw CliException.Usage($"no deployment record: pass --deployment FILE or set {DeploymentEnvironmentVariable}");
        return File.Exists(path)
            ? path
            : throw CliException.Usage($"--deployment: file {path} does not exist (deploy with `energy deploy`, or pass --deployment FILE / set {DeploymentEnvironmentVariable})");
    }
}
