using System.Numerics;
using System.Text.Json;

namespace EnergyAuction.Demo.Load;

/// <summary>What the withdrawals after the close paid out, and what the market still held afterwards (should be nothing).</summary>
public sealed record Payouts(int Withdrawals, BigInteger Withdrawn, BigInteger Left);

/// <summary>What the load run measured: order throughput, real time per phase, gas per operation and the largest
/// transaction against the block gas limit, the withdrawals, the daemon's peak memory.</summary>
public sealed record LoadFigures(
    int Households, int Offers, int Bids, double SubmitSeconds, double ConfirmSeconds, IReadOnlyDictionary<string, double> PhaseSeconds,
    int Matches, string Price, string Verify, IReadOnlyList<GasReport.Operation> Gas, BigInteger BlockGasLimit, Payouts Payouts,
    long? DaemonPeakMemoryKib, string Phase)
{
    public int Orders => Offers + Bids;

    /// <summary>The operation whose single largest transaction used the most gas.</summary>
    public GasReport.Operation Largest => Gas.MaxBy(g => g.MaxGas)!;

    public double SubmittedPerSecond => Orders / SubmitSeconds;

    public double ConfirmedPerSecond => Orders / ConfirmSeconds;

    public bool Succeeded => Phase == "Closed" && Verify == "agrees" && Matches > 0 && Payouts.Left.IsZero && Largest.MaxGas <= BlockGasLimit;

    public void Print(TextWriter o)
    {
        o.WriteLine();
        o.WriteLine($"load run: {Households} households, one window: {Offers} offers + {Bids} bids placed through the Chain library "
            + "(one signed transaction per household, 32 in flight; not one `energy` process per order)");
        o.WriteLine($"orders: {SubmittedPerSecond:0.0} orders/s submitted, {ConfirmedPerSecond:0.0} orders/s confirmed "
            + $"({Orders} in {SubmitSeconds:0.0} s / {ConfirmSeconds:0.0} s; Hardhat automine mines each on arrival)");
        o.WriteLine($"window: {Phase}, {Matches} matches at {Price} wei/kWh, market verify: {Verify}");
        o.WriteLine("real time per phase:");
        foreach (var (phase, seconds) in PhaseSeconds) o.WriteLine($"  {phase,-42} {seconds,8:0.0} s");
        o.WriteLine("gas per operation (mean / max over the run):");
        foreach (var g in Gas) o.WriteLine($"  {g.Name,-28} {g.Count,6} x {g.MeanGas,10} / {g.MaxGas,10}");
        o.WriteLine($"largest transaction: {Largest.Name} {Largest.MaxGas} gas of the {BlockGasLimit} block gas limit "
            + $"({(double)(Largest.MaxGas * 1000 / BlockGasLimit) / 10:0.0} %)");
        o.WriteLine($"withdrawals: {Payouts.Withdrawals} accounts withdrew {Payouts.Withdrawn} wei; the market holds {Payouts.Left} wei afterwards");
        o.WriteLine($"operator daemon peak memory (VmHWM): {(DaemonPeakMemoryKib is { } kib ? $"{kib / 1024.0:0.0} MiB" : "unknown")}");
    }

    /// <summary>The figures as one JSON object on one line (the script's last line).</summary>
    public string JsonLine()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("benchmark", "market-load");
            json.WriteNumber("households", Households);
            json.WriteNumber("orders", Orders);
            json.WriteString("orderPath", "chain-library");
            json.WriteNumber("ordersPerSecondSubmitted", Math.Round(SubmittedPerSecond, 1));
            json.WriteNumber("ordersPerSecondConfirmed", Math.Round(ConfirmedPerSecond, 1));
            json.WriteStartObject("phaseSeconds");
            foreach (var (phase, seconds) in PhaseSeconds) json.WriteNumber(phase, Math.Round(seconds, 1));
            json.WriteEndObject();
            json.WriteNumber("matches", Matches);
            json.WriteString("priceWeiPerKwh", Price);
            json.WriteString("verify", Verify);
            json.WriteString("phase", Phase);
            json.WriteStartObject("gas");
            foreach (var g in Gas)
            {
                json.WriteStartObject(g.Name);
                json.WriteNumber("count", g.Count);
                json.WriteNumber("mean", (long)g.MeanGas);
                json.WriteNumber("max", (long)g.MaxGas);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("largestTransaction");
            json.WriteString("operation", Largest.Name);
            json.WriteNumber("gas", (long)Largest.MaxGas);
            json.WriteNumber("blockGasLimit", (long)BlockGasLimit);
            json.WriteEndObject();
            json.WriteNumber("withdrawals", Payouts.Withdrawals);
            json.WriteString("withdrawnWei", Payouts.Withdrawn.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("marketBalanceAfterWei", Payouts.Left.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (DaemonPeakMemoryKib is { } kib) json.WriteNumber("daemonPeakMemoryMiB", Math.Round(kib / 1024.0, 1));
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
