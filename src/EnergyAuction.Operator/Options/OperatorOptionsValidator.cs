using System.Globalization;
using System.Numerics;
using EnergyAuction.Market.Clearing;
using Microsoft.Extensions.Options;

namespace EnergyAuction.Operator.Options;

/// <summary>
/// Checks a configuration before the daemon starts (registered with <c>ValidateOnStart</c>), naming every setting
/// that cannot work by its key, flag and environment variable.
/// </summary>
public sealed class OperatorOptionsValidator : IValidateOptions<OperatorOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, OperatorOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Every problem found, as "Key (--flag / VARIABLE): what is wrong"; empty when the options can work.</summary>
    public static IReadOnlyList<string> Problems(OperatorOptions o)
    {
        var problems = new List<string>();
        void Check(bool ok, string key, string problem)
        {
            if (!ok) problems.Add($"{OperatorSettings.ByKey(key).Names}: {problem}");
        }
        void CheckFile(string key, string? path, bool required = true)
        {
            if (string.IsNullOrWhiteSpace(path)) Check(!required, key, "a file is required");
            else Check(File.Exists(path), key, $"'{Path.GetFullPath(path)}' does not exist");
        }

        Check(IsHttpUrl(o.RpcUrl), "RpcUrl", $"an absolute http(s) URL is required, got '{o.RpcUrl}'");
        CheckFile("DeploymentFile", o.DeploymentFile);
        CheckFile("KeystoreFile", o.KeystoreFile);
        CheckFile("PasswordFile", o.PasswordFile, required: false);
        if (KeystorePassword.Read(o) is null) problems.Add(KeystorePassword.Missing);
        Check(IsHttpUrl(o.HemsBaseUrl), "HemsBaseUrl", $"an absolute http(s) URL is required, got '{o.HemsBaseUrl}'");
        Check(o.AllowedHemsHosts().Count > 0, "HemsAllowList", "at least one HEMS host is required");
        Check(o.FeederDirectory is null || Directory.Exists(o.FeederDirectory), "FeederDirectory", $"'{o.FeederDirectory}' does not exist");
        Check(!string.IsNullOrWhiteSpace(o.CheckpointFile), "CheckpointFile", "a path is required");
        Check(IsHttpUrl(o.StatusUrl), "StatusUrl", $"an absolute http URL is required, got '{o.StatusUrl}'");
        Check(o.WindowEverySeconds >= 0, "WindowEverySeconds", "must be >= 0 (0 opens no windows)");
        Check(o.BatchSize >= 1, "BatchSize", "must be >= 1");
        Check(o.GasBudget >= 100_000, "GasBudget", "must be >= 100000");
        Check(o.PollIntervalMilliseconds >= 10, "PollIntervalMilliseconds", "must be >= 10");
        Check(o.HemsTimeoutMilliseconds >= 1, "HemsTimeoutMilliseconds", "must be >= 1");
        Check(o.HemsRetries is >= 0 and <= 10, "HemsRetries", "must be 0..10");

        var w = o.Window;
        Check(w.BiddingSeconds > 0, "Window:BiddingSeconds", "must be > 0");
        Check(w.MatchingSeconds > 0, "Window:MatchingSeconds", "must be > 0");
        Check(w.TransferSeconds > 0, "Window:TransferSeconds", "must be > 0");
        Check(w.SettlementSeconds > 0, "Window:SettlementSeconds", "must be > 0");
        Check(w.GraceSeconds > 0, "Window:GraceSeconds", "must be > 0");
        Check(w.MaxEnergyWh > 0, "Window:MaxEnergyWh", "must be > 0");
        Check(w.MaxDistanceMetres is null or >= 0, "Window:MaxDistanceMetres", "must be >= 0");
        Check(IsWei(w.ReferencePrice), "Window:ReferencePrice", $"wei per kWh as a whole number, got '{w.ReferencePrice}'");
        Check(IsWei(w.GridCharge), "Window:GridCharge", $"wei per kWh per km as a whole number, got '{w.GridCharge}'");
        Check(IsWei(w.PenaltyRate) && BigInteger.Parse(w.PenaltyRate, CultureInfo.InvariantCulture) >= WindowOptions.MinPenaltyRate, "Window:PenaltyRate",
            $"wei per kWh as a whole number, at least {WindowOptions.MinPenaltyRate} (the contract's minimum), got '{w.PenaltyRate}'");
        Check(IsWei(w.OrderFee) && BigInteger.Parse(w.OrderFee, CultureInfo.InvariantCulture) <= WindowOptions.MaxOrderFee, "Window:OrderFee",
            $"wei per order as a whole number, at most {WindowOptions.MaxOrderFee} (the contract's bound), got '{w.OrderFee}'");
        Check(ClearingMechanisms.TryParse(w.Mechanism, out _), "Window:Mechanism",
            $"one of {string.Join(", ", Enum.GetValues<Mechanism>().Select(ClearingMechanisms.Name))}, got '{w.Mechanism}'");
        return problems;
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static bool IsWei(string text) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var wei) && wei < BigInteger.One << 256;
}
