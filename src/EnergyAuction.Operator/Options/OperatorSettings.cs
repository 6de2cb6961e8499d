namespace EnergyAuction.Operator.Options;

/// <summary>
/// Every daemon setting (docs/OPERATOR.md has the same table). The keystore password is not one of them: it comes only
/// from <see cref="KeystorePassword.EnvironmentVariable"/> or the file named by <see cref="PasswordFile"/>.
/// </summary>
public static class OperatorSettings
{
    /// <summary>The password file setting, named in password messages.</summary>
    public static OperatorSetting PasswordFile { get; } =
        new("PasswordFile", "--password-file", "none", "~/.energy/operator.password", "file holding the keystore password (used when ENERGY_OPERATOR_PASSWORD is not set)");

    /// <summary>The settings in the order --help and docs/OPERATOR.md list them.</summary>
    public static IReadOnlyList<OperatorSetting> All { get; } =
    [
        new("RpcUrl", "--rpc-url", "required", "http://127.0.0.1:8545", "JSON-RPC endpoint of the chain"),
        new("DeploymentFile", "--deployment", "required", "deployments/localhost.json", "deployment record with the contract addresses"),
        new("KeystoreFile", "--keystore", "required", "~/.energy/operator.keystore.json", "Web3 Secret Storage keystore of the operator account"),
        PasswordFile,
        new("HemsBaseUrl", "--hems-url", "http://127.0.0.1:5080", "http://127.0.0.1:5080", "base URL of the HEMS the oracle requests point at"),
        new("HemsAllowList", "--hems-allow", "the host of HemsBaseUrl", "127.0.0.1:5080,hems.local", "HEMS hosts the oracle job may fetch (empty: the host of HemsBaseUrl)"),
        new("DataDirectory", "--data-dir", "$ENERGYAUCTION_DATA_DIR, else ../shared/data", "/srv/energy/data", "shared data directory (empty: $ENERGYAUCTION_DATA_DIR, else ../shared/data)"),
        new("FeederDirectory", "--feeder-dir", "<DataDirectory>/ieee-eu-lv", "/srv/energy/data/ieee-eu-lv", "feeder CSV directory (empty: ieee-eu-lv under DataDirectory)"),
        new("CheckpointFile", "--checkpoint", ".work/operator/oracle-checkpoint.json", ".work/operator/oracle-checkpoint.json", "oracle job checkpoint"),
        new("StatusUrl", "--status-url", "http://127.0.0.1:5090", "http://127.0.0.1:5090", "where /health, /status and /metrics listen"),
        new("WindowEverySeconds", "--window-every", "0", "900", "open a window every this many seconds of chain time (0: none)"),
        new("Window:BiddingSeconds", "--bidding", "600", "600", "length of BiddingOffering, seconds"),
        new("Window:MatchingSeconds", "--matching", "120", "120", "length of Matching, seconds"),
        new("Window:TransferSeconds", "--transfer", "3600", "3600", "length of EnergyTransfer, seconds"),
        new("Window:SettlementSeconds", "--settlement", "180", "180", "length of Settlement, seconds"),
        new("Window:GraceSeconds", "--grace", "300", "300", "after a missed matching deadline, when anyone may cancel the window, seconds"),
        new("Window:MaxEnergyWh", "--max-energy", "100000", "100000", "largest offer or bid, Wh"),
        new("Window:ReferencePrice", "--reference-price", "50000000000000", "50000000000000", "reference price, wei per kWh"),
        new("Window:GridCharge", "--grid-charge", "1000000000000", "1000000000000", "grid charge, wei per kWh per km"),
        new("Window:MaxDistanceMetres", "--max-distance", "the feeder's largest load-bus distance (318 on the IEEE LV feeder)", "318", "maximum feeder distance L, metres (empty: the feeder's largest load-bus distance)"),
        new("Window:PenaltyRate", "--penalty-rate", "10000000000000", "10000000000000", "penalty, wei per kWh undelivered (at least 1000000000)"),
        new("Window:OrderFee", "--order-fee", "1000000000000", "1000000000000", "order fee, wei per order (never refunded; at most 10^16)"),
        new("Window:Mechanism", "--mechanism", "dpda", "dpda", "clearing mechanism: dpda, mcafee or uniform"),
        new("Window:ValidateOffers", "--validate-offers", "true", "true", "check offers against the seller's battery reading"),
        new("BatchSize", "--batch-size", "1000", "1000", "most matches, orders or bids in one batch transaction"),
        new("GasBudget", "--gas-budget", "8000000", "8000000", "most gas of one batch transaction (never above the block gas limit); batches are sized by estimate to fit"),
        new("PollIntervalMilliseconds", "--poll-interval", "1000", "1000", "how often the chain is polled, ms"),
        new("HemsTimeoutMilliseconds", "--hems-timeout", "5000", "5000", "longest wait for one HEMS answer, ms"),
        new("HemsRetries", "--hems-retries", "4", "4", "retries of a HEMS query after the first attempt (0..10)"),
    ];

    /// <summary>The setting with this appsettings key.</summary>
    public static OperatorSetting ByKey(string key) => All.Single(s => s.Key == key);
}
