using System.Globalization;
using System.Numerics;
using System.Text;

namespace EnergyAuction.Simulation;

/// <summary>The report's totals as Markdown tables: one row per mechanism, money in gwei (rounded down), energy in kWh.</summary>
public static class MarkdownSummary
{
    /// <summary>The summary of <paramref name="report"/>.</summary>
    public static string Of(SimulationReport report)
    {
        var o = report.Scenario.Options;
        var producers = report.Scenario.Households.Count(h => h.IsProducer);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## Market outcomes: {o.Households} households ({producers} with PV and a {Kwh(o.BatteryCapacityWh)} kWh battery), {o.Days} day(s) from {o.Start:yyyy-MM-dd}, {o.Windows} windows of {o.WindowMinutes} min");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Seed {o.Seed}, {o.Forecast.ToString().ToLowerInvariant()} forecast, {o.Strategy.ToString().ToLowerInvariant()} prices; retail {Gwei(o.RetailWeiPerKwh)} gwei/kWh, feed-in {Gwei(o.FeedInWeiPerKwh)} gwei/kWh, grid charge {Gwei(o.GridChargeWeiPerKwhPerKm)} gwei/kWh/km, L {o.MaxDistanceM} m, penalty {Gwei(o.PenaltyWeiPerKwh)} gwei/kWh.");
        text.AppendLine();
        text.AppendLine("| mechanism | traded kWh | grid import kWh | grid export kWh | self-sufficiency | import reduction | producers better off | consumers better off | avg local price gwei/kWh | trades | cost per trade gwei | DSO fees gwei | penalties gwei |");
        text.AppendLine("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        var gridOnly = report.GridOnly;
        foreach (var t in report.Totals)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {t.Mechanism} | {Kwh(t.LocalTradedWh)} | {Kwh(t.GridImportWh)} | {Kwh(t.GridExportWh)} | {Share(t.SelfSufficiency)} | {Percent(t.ImportReduction(gridOnly))} | " +
                $"{Percent(MechanismTotals.BetterOff(gridOnly.ProducersNetCost, t.ProducersNetCost))} | {Percent(MechanismTotals.BetterOff(gridOnly.ConsumersNetCost, t.ConsumersNetCost))} | " +
                $"{Gwei(t.AverageLocalPrice)} | {t.Trades} | {Gwei(t.CostPerTrade)} | {Gwei(t.DsoFees)} | {Gwei(t.Penalties)} |");
        }
        text.AppendLine();
        text.AppendLine("Better off: (grid-only net cost - net cost) / |grid-only net cost| of the group (producers: households with PV). Cost per trade: the buyer's payment plus both fee halves, per trade.");
        return text.ToString();
    }

    private static string Kwh(long wh) => (wh / 1000.0).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(double? ratio) => ratio is { } r ? (r * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-";

    private static string Share(double ratio) => (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Gwei(BigInteger? wei) => wei is { } w ? (w / ScenarioOptions.Gwei).ToString("N0", CultureInfo.InvariantCulture) : "-";
}
