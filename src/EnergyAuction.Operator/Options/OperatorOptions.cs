using EnergyAuction.Clearing;
using EnergyAuction.Operator.Oracle;
using EnergyAuction.Data;

namespace EnergyAuction.Operator.Options;

/// <summary>
/// Everything the operator daemon is configured with, bound from appsettings.json, then the
/// environment variables, then command-line flags, each named in <see cref="OperatorSettings"/>
/// (e.g. <c>Window:BiddingSeconds</c>, <c>--bidding</c>, <c>ENERGY_OPERATOR_WINDOW_BIDDING_SECONDS</c>).
/// The keystore password is deliberately not here: it comes from <c>ENERGY_OPERATOR_PASSWORD</c> or
/// <see cref="PasswordFile"/> only.
/// </summary>
public sealed class OperatorOptions
{
    /// <summary>JSON-RPC endpoint of the chain.</summary>
    public string? RpcUrl { get; set; }

    /// <summary>Deployment record with the contract addresses.</summary>
    public string? DeploymentFile { get; set; }

    /// <summary>Web3 Secret Storage keystore of the operator account.</summary>
    public string? KeystoreFile { get; set; }

    /// <summary>File holding the keystore password, used when <c>ENERGY_OPERATOR_PASSWORD</c> is not set.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>Base URL of the HEMS the oracle client's requests point at.</summary>
    public string HemsBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Comma-separated HEMS hosts (<c>host</c> or <c>host:port</c>) the oracle job may fetch; empty means the host of <see cref="HemsBaseUrl"/>.</summary>
    public string HemsAllowList { get; set; } = "";

    /// <summary>Shared data directory; null means $ENERGYAUCTION_DATA_DIR, else <c>../shared/data</c> relative to the repository root (<see cref="SharedDataDirectory"/>).</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Feeder CSV directory; null means <c>ieee-eu-lv</c> under <see cref="DataDirectory"/>.</summary>
    public string? FeederDirectory { get; set; }

    /// <summary>Oracle job checkpoint (last block, fulfilled requests).</summary>
    public string CheckpointFile { get; set; } = ".work/operator/oracle-checkpoint.json";

    /// <summary>Where <c>/health</c> and <c>/status</c> listen; loopback by default.</summary>
    public string StatusUrl { get; set; } = "http://127.0.0.1:5090";

    /// <summary>Open a new window every this many seconds of chain time; 0 opens none.</summary>
    public long WindowEverySeconds { get; set; }

    /// <summary>Parameters of the windows the daemon opens.</summary>
    public WindowOptions Window { get; set; } = new();

    /// <summary>Most items (matches, orders, bids) in one batch transaction, however much gas the budget leaves.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>Most gas one batch transaction (postClearing, requestReadings, settle) may carry; the batches are sized by
    /// eth_estimateGas to fit it, and it is lowered to the latest block's gas limit when that is lower.</summary>
    public long GasBudget { get; set; } = 8_000_000;

    /// <summary>How often the chain is polled for new blocks and deadlines.</summary>
    public int PollIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Longest wait for one HEMS answer.</summary>
    public int HemsTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>Retries of a HEMS query after the first attempt.</summary>
    public int HemsRetries { get; set; } = 4;

    /// <summary>The allow-listed HEMS hosts.</summary>
    public IReadOnlyList<string> AllowedHemsHosts()
    {
        var hosts = HemsAllowList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length > 0) return hosts;
        return Uri.TryCreate(HemsBaseUrl, UriKind.Absolute, out var uri) ? [uri.Authority] : [];
    }

    /// <summary>How patiently the oracle job asks the HEMS.</summary>
    public HemsFetchOptions HemsFetch() =>
        new(TimeSpan.FromMilliseconds(HemsTimeoutMilliseconds), HemsRetries, HemsFetchOptions.Default.FirstRetryDelay);

    /// <summary>The feeder CSV directory this configuration points at.</summary>
    public string ResolvedFeederDirectory() =>
        Path.GetFullPath(FeederDirectory ?? SharedDataDirectory.FeederDirectory(SharedDataDirectory.Resolve(DataDirectory)));
}
