using Spectre.Console;
using Spectre.Console.Rendering;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>What `window status --watch` draws on a terminal and redraws in place: phase and countdown, order counts,
/// the last clearing and when the window may be cancelled.</summary>
public static class WindowLiveView
{
    public static IRenderable Render(WindowSnapshot snapshot)
    {
        var info = snapshot.Info;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        void Row(string label, string value) => grid.AddRow(new Text(label, new Style(decoration: Decoration.Bold)), new Text(value));
        Row("phase", $"{info.Phase} ({snapshot.Countdown})");
        var statuses = string.Join(", ", snapshot.ByStatus.OrderBy(s => s.Key).Select(s => $"{Trading.OrderStatusText.Code(s.Key)} {s.Value}"));
        Row("orders", $"{Plural.Of(snapshot.Offers, "offer")}, {Plural.Of(snapshot.Bids, "bid")}{(statuses.Length > 0 ? $" ({statuses})" : "")}");
        Row("clearing", snapshot.HasClearing
            ? $"{Plural.Of(info.MatchCount, "match")} at {Amounts.FormatWei(info.Price)}/kWh"
            : "not posted yet");
        if (snapshot.Cancel is { } cancel)
            Row("cancel", cancel);
        Row("chain time", Clock.Utc(snapshot.ChainTime));
        return new Panel(grid)
        {
            Header = new PanelHeader($" window {snapshot.WindowId} ({Clearing.ChainMechanisms.Name(info.Params.Mechanism)}) "),
            Border = BoxBorder.Rounded,
        };
    }
}
