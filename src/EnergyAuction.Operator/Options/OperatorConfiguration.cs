using Microsoft.Extensions.Configuration;

namespace EnergyAuction.Operator.Options;

/// <summary>Reads <see cref="OperatorOptions"/> from appsettings.json, the environment and flags.</summary>
public static class OperatorConfiguration
{
    /// <summary>Prefix of the daemon's environment variables.</summary>
    public const string EnvironmentPrefix = "ENERGY_OPERATOR_";

    /// <summary>Command-line flags and the setting each one sets.</summary>
    public static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>
    {
        ["--rpc-url"] = "RpcUrl",
        ["--deployment"] = "DeploymentFile",
        ["--keystore"] = "KeystoreFile",
        ["--keystore-password-file"] = "KeystorePasswordFile",
        ["--hems-url"] = "HemsBaseUrl",
        ["--hems-allow"] = "HemsAllowList",
        ["--data-dir"] = "DataDirectory",
        ["--feeder-dir"] = "FeederDirectory",
        ["--checkpoint"] = "CheckpointFile",
        ["--status-url"] = "StatusUrl",
        ["--window-every"] = "WindowEverySeconds",
        ["--bidding"] = "Window:BiddingSeconds",
        ["--matching"] = "Window:MatchingSeconds",
        ["--transfer"] = "Window:TransferSeconds",
        ["--settlement"] = "Window:SettlementSeconds",
        ["--grace"] = "Window:GraceSeconds",
        ["--max-energy"] = "Window:MaxEnergyWh",
        ["--reference-price"] = "Window:ReferencePrice",
        ["--grid-charge"] = "Window:GridCharge",
        ["--max-distance"] = "Window:MaxDistanceMetres",
        ["--penalty-rate"] = "Window:PenaltyRate",
        ["--fee-recipient"] = "Window:FeeRecipient",
        ["--mechanism"] = "Window:Mechanism",
        ["--validate-offers"] = "Window:ValidateOffers",
        ["--batch-size"] = "BatchSize",
        ["--batch-gas"] = "BatchGasLimit",
        ["--poll-interval"] = "PollIntervalMilliseconds",
        ["--hems-timeout"] = "HemsTimeoutMilliseconds",
        ["--hems-retries"] = "HemsRetries",
    };

    /// <summary>Adds the daemon's environment variables and flags on top of <paramref name="configuration"/>.</summary>
    public static IConfigurationBuilder AddOperatorSources(this IConfigurationBuilder configuration, string[] args)
    {
        RejectUnknownFlags(args);
        return configuration
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddCommandLine(args, Flags.ToDictionary());
    }

    /// <summary>
    /// Binds and validates the options; throws <see cref="OperatorOptionsException"/> listing every problem.
    /// </summary>
    public static OperatorOptions Bind(IConfiguration configuration)
    {
        OperatorOptions options;
        try
        {
            options = configuration.Get<OperatorOptions>() ?? new OperatorOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new OperatorOptionsException([e.InnerException?.Message is { } inner ? $"{e.Message} {inner}" : e.Message]);
        }
        var problems = OperatorOptionsValidator.Problems(options);
        return problems.Count == 0 ? options : throw new OperatorOptionsException(problems);
    }

    private static void RejectUnknownFlags(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var flag = args[i].Split('=', 2)[0];
            if (flag.Contains("password", StringComparison.OrdinalIgnoreCase) && flag != "--keystore-password-file")
                throw new OperatorOptionsException(
                    [$"{flag}: a password is never taken as a flag; set {KeystorePassword.EnvironmentVariable} or --keystore-password-file"]);
            if (!Flags.ContainsKey(flag))
                throw new OperatorOptionsException([$"{flag}: unknown flag; known flags: {string.Join(" ", Flags.Keys)}"]);
            if (!args[i].Contains('=')) i++;
        }
    }
}
