using EnergyAuction.Chain;
using EnergyAuction.Clearing;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Cli.Output;

namespace EnergyAuction.Cli.Commands.Window;

/// <summary>One look at a window: its phase, the deadline of that phase against chain time, and its orders by side and status.</summary>
public sealed record WindowSnapshot(ulong WindowId, WindowInfo Info, ulong ChainTime, int Offers, int Bids, IReadOnlyDictionary<OrderStatus, int> ByStatus)
{
    public static async Task<WindowSnapshot> ReadAsync(MarketClient market, ulong windowId)
    {
        var info = await market.Trade.GetWindowAsync(windowId);
        var now = await MarketConnection.ChainTimeAsync(market);
        var ids = await market.Trade.GetWindowOrderIdsAsync(windowId);
        var orders = await Task.WhenAll(ids.Select(id => market.Trade.GetOrderAsync(id)));
        return new WindowSnapshot(windowId, info, now, orders.Count(o => o.Side == OrderSide.Offer), orders.Count(o => o.Side == OrderSide.Bid),
            orders.GroupBy(o => o.Status).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Whether a clearing has been posted or the window is past matching (so its price means something).</summary>
    public bool HasClearing => Info.MatchCount > 0 || (Info.Phase >= WindowPhase.EnergyTransfer && Info.Phase != WindowPhase.Cancelled);

    /// <summary>When anyone may cancel the window, or null when that no longer applies.</summary>
    public string? Cancel => CancelWindow.Describe(WindowId, Info, ChainTime);

    public bool IsOver => Info.Phase is WindowPhase.Closed or WindowPhase.Cancelled;

    /// <summary>The deadline that ends the current phase; null once the window is over.</summary>
    public ulong? Deadline => Info.Phase switch
    {
        WindowPhase.BiddingOffering => Info.BiddingDeadline,
        WindowPhase.Matching => Info.MatchingDeadline,
        WindowPhase.EnergyTransfer => Info.TransferDeadline,
        WindowPhase.Settlement => Info.SettlementDeadline,
        _ => null,
    };

    public string Countdown => Deadline switch
    {
        null => "window over",
        { } d when d > ChainTime => $"ends in {Durations.Format(d - ChainTime)}",
        { } d => $"deadline passed {Durations.Format(ChainTime - d)} ago; waiting for the operator",
    };

    /// <summary>What a watcher prints when it changes (the countdown is left out so a line means news).</summary>
    public string Summary
    {
        get
        {
            var statuses = string.Join(", ", ByStatus.OrderBy(s => s.Key).Select(s => $"{Trading.OrderStatusText.Code(s.Key)} {s.Value}"));
            var price = HasClearing ? $"; price {Amounts.FormatWei(Info.Price)}/kWh, {Plural.Of(Info.MatchCount, "match")}" : "";
            return $"window {WindowId}: {Info.Phase}; {Plural.Of(Offers, "offer")}, {Plural.Of(Bids, "bid")}{(statuses.Length > 0 ? $" ({statuses})" : "")}{price}";
        }
    }

    public void WriteJson(System.Text.Json.Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("window", WindowId);
        json.WriteString("phase", Info.Phase.ToString());
        json.WriteNumber("chainTime", ChainTime);
        if (Deadline is { } deadline)
        {
            json.WriteNumber("deadline", deadline);
            json.WriteNumber("secondsLeft", deadline > ChainTime ? deadline - ChainTime : 0);
        }

        json.WriteNumber("offers", Offers);
        json.WriteNumber("bids", Bids);
        json.WriteStartObject("orders");
        foreach (var (status, count) in ByStatus.OrderBy(s => s.Key))
            json.WriteNumber(Trading.OrderStatusText.Code(status), count);
        json.WriteEndObject();
        json.WriteNumber("matches", Info.MatchCount);
        if (CancelWindow.AllowedAfter(Info) is { } cancellableAfter)
            json.WriteNumber("cancellableAfter", cancellableAfter);
        json.WriteNumber("price", Info.Price);
        json.WriteString("resultHash", Chain.Hex.HexConvert.ToHex(Info.ResultHash));
        json.WriteString("mechanism", ChainMechanisms.Name(Info.Params.Mechanism));
        json.WriteEndObject();
    }

    public void WriteText(CommandOutput output)
    {
        output.WriteLine($"window:    {WindowId} ({ChainMechanisms.Name(Info.Params.Mechanism)}{(Info.Params.ValidateOffers ? ", offers validated by oracle" : "")})");
        output.WriteLine($"phase:     {Info.Phase} ({Countdown})");
        output.WriteLine($"orders:    {Plural.Of(Offers, "offer")}, {Plural.Of(Bids, "bid")}");
        foreach (var (status, count) in ByStatus.OrderBy(s => s.Key))
            output.WriteLine($"           {Trading.OrderStatusText.Code(status)}: {count}");
        if (HasClearing)
            output.WriteLine($"clearing:  {Plural.Of(Info.MatchCount, "match")} at {Amounts.FormatWei(Info.Price)}/kWh");
        if (Info.ResultHash.Any(b => b != 0))
            output.WriteLine($"result:    {Chain.Hex.HexConvert.ToHex(Info.ResultHash)}");
        if (Cancel is { } cancel)
            output.WriteLine($"cancel:    {cancel}");
        output.WriteLine($"grid:      charge {Amounts.FormatWei(Info.Params.GridCharge)}/kWh/km, max distance {Info.Params.MaxDistanceM} m, penalty {Amounts.FormatWei(Info.Params.PenaltyRate)}/kWh");
    }
}
