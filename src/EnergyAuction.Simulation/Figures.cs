using System.Numerics;
using ScottPlot;

namespace EnergyAuction.Simulation;

/// <summary>
/// The report's PNG figures (ScottPlot): prices through the day per mechanism, traded energy against demand, each
/// household's net cost against grid-only, and the cost per trade per mechanism. Plotting converts the integer wei
/// and Wh to doubles for drawing only.
/// </summary>
public static class Figures
{
    private const int Width = 1000;
    private const int Height = 560;

    /// <summary>Writes the four figures into <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(SimulationReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        return
        [
            Save(Prices(report), Path.Combine(directory, "prices.png")),
            Save(TradedVsDemand(report), Path.Combine(directory, "traded-vs-demand.png")),
            Save(Bills(report), Path.Combine(directory, "household-bills.png")),
            Save(CostPerTrade(report), Path.Combine(directory, "cost-per-trade.png")),
        ];
    }

    private static IEnumerable<MechanismResult> Markets(SimulationReport report) => report.Results.Where(r => r.Market.Mechanism is not null);

    /// <summary>One colour and marker size per mechanism in every figure; sizes differ so equal prices stay visible.</summary>
    private static (Color Color, float Marker) Style(MarketChoice market) => market.Name switch
    {
        "dpda" => (Colors.Blue, 9),
        "mcafee" => (Colors.Orange, 6),
        _ => (Colors.Green, 3),
    };

    private static double Hours(SimulationReport report, int window) => window * report.Scenario.Options.WindowMinutes / 60.0;

    private static double Gwei(BigInteger wei) => (double)(wei / ScenarioOptions.Gwei);

    private static Plot Prices(SimulationReport report)
    {
        var plot = new Plot();
        foreach (var result in Markets(report))
        {
            var traded = result.Windows.Where(w => w.Price is not null).ToList();
            var line = plot.Add.Scatter(traded.Select(w => Hours(report, w.Window)).ToArray(), traded.Select(w => Gwei(w.Price!.Value)).ToArray());
            line.LegendText = result.Market.Name;
            (line.Color, line.MarkerSize) = Style(result.Market);
        }
        var o = report.Scenario.Options;
        Tariff(plot, report, Gwei(o.RetailWeiPerKwh), "retail");
        Tariff(plot, report, Gwei(o.FeedInWeiPerKwh), "feed-in");
        plot.Title("Clearing price per window (windows without trade left out)");
        plot.XLabel("hour of the run");
        plot.YLabel("price (gwei/kWh)");
        plot.ShowLegend();
        return plot;
    }

    private static void Tariff(Plot plot, SimulationReport report, double gwei, string name)
    {
        var line = plot.Add.HorizontalLine(gwei);
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = name;
        line.Color = name == "retail" ? Colors.Red : Colors.Green;
    }

    private static Plot TradedVsDemand(SimulationReport report)
    {
        var plot = new Plot();
        var windows = report.Results[0].Windows;
        var demand = plot.Add.Scatter(windows.Select(w => Hours(report, w.Window)).ToArray(), windows.Select(w => w.DemandWh / 1000.0).ToArray());
        demand.LegendText = "demand after PV and battery";
        demand.MarkerSize = 0;
        demand.LineWidth = 2;
        demand.Color = Colors.Black;
        foreach (var result in Markets(report))
        {
            var line = plot.Add.Scatter(result.Windows.Select(w => Hours(report, w.Window)).ToArray(), result.Windows.Select(w => w.TradedWh / 1000.0).ToArray());
            line.LegendText = $"traded locally, {result.Market.Name}";
            line.Color = Style(result.Market).Color;
            line.MarkerSize = 0;
        }
        plot.Title("Energy traded locally against the households' demand, per window");
        plot.XLabel("hour of the run");
        plot.YLabel("energy per window (kWh)");
        plot.ShowLegend();
        return plot;
    }

    private static Plot Bills(SimulationReport report)
    {
        var plot = new Plot();
        var gridOnly = report.Results[0].Households.Select(l => Gwei(l.NetCost) / 1000).ToArray();
        foreach (var result in Markets(report))
        {
            var points = plot.Add.ScatterPoints(gridOnly, result.Households.Select(l => Gwei(l.NetCost) / 1000).ToArray());
            points.LegendText = result.Market.Name;
            (points.Color, points.MarkerSize) = Style(result.Market);
        }
        var (low, high) = (gridOnly.Min(), gridOnly.Max());
        var diagonal = plot.Add.Line(low, low, high, high);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "same as grid-only";
        plot.Title("Each household's net cost (bill - income) against grid-only; below the line = better off");
        plot.XLabel("grid-only net cost (thousand gwei)");
        plot.YLabel("net cost with the market (thousand gwei)");
        plot.ShowLegend();
        return plot;
    }

    private static Plot CostPerTrade(SimulationReport report)
    {
        var plot = new Plot();
        var markets = report.Totals.Where(t => t.Mechanism != MarketChoice.GridOnly.Name).ToList();
        var bars = plot.Add.Bars(markets.Select(t => t.CostPerTrade is { } c ? Gwei(c) : 0).ToArray());
        for (var i = 0; i < markets.Count; i++)
            bars.Bars[i].FillColor = Style(MarketChoice.All.Single(m => m.Name == markets[i].Mechanism)).Color;
        foreach (var bar in bars.Bars)
            bar.Label = bar.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        bars.ValueLabelStyle.FontSize = 16;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, markets.Count).Select(i => (double)i)], [.. markets.Select(t => t.Mechanism)]);
        plot.Axes.Margins(bottom: 0);
        plot.Title("Average cost per trade (buyer's payment + both fee halves)");
        plot.YLabel("gwei per trade");
        return plot;
    }

    private static string Save(Plot plot, string path)
    {
        plot.SavePng(path, Width, Height);
        return path;
    }
}
