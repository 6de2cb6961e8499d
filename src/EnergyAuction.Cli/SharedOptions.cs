using System.CommandLine;

namespace EnergyAuction.Cli;

/// <summary>
/// Options shared by many commands, declared once. <see cref="Json"/> and <see cref="Verbose"/> are
/// on the root and apply everywhere; commands that talk to the chain add <see cref="Rpc"/> and
/// <see cref="Deployment"/> themselves (an option may belong to several commands).
/// </summary>
public static class SharedOptions
{
    public const string RpcEnvironmentVariable = "ENERGY_RPC_URL";

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
        Description = $"JSON-RPC endpoint of the chain (default: ${RpcEnvironmentVariable})",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(RpcEnvironmentVariable),
    };

    public static readonly Option<string?> Deployment = new("--deployment")
    {
        Description = "Deployment record (JSON) with the market's contract addresses",
    };

    /// <summary>The RPC URL, or a usage error if neither --rpc nor ENERGY_RPC_URL gives one.</summary>
    public static Uri RequireRpc(ParseResult parseResult)
    {
        var value = parseResult.GetValue(Rpc);
        if (string.IsNullOrWhiteSpace(value))
            throw CliException.Usage($"no RPC endpoint: pass --rpc URL or set {RpcEnvironmentVariable}");
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
            ? uri
            : throw CliException.Usage($"--rpc \"{value}\" is not an http(s) URL");
    }

    /// <summary>The deployment record's path, or a usage error if --deployment is missing or the file does not exist.</summary>
    public static string RequireDeployment(ParseResult parseResult)
    {
        var path = parseResult.GetValue(Deployment);
        if (string.IsNullOrWhiteSpace(path))
            throw CliException.Usage("no deployment record: pass --deployment FILE");
        return File.Exists(path) ? path : throw CliException.Usage($"--deployment: file {path} does not exist");
    }
}
