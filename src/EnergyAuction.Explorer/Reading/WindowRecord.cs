using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Clearing;

namespace EnergyAuction.Explorer.Reading;

/// <summary>
/// Everything the chain holds about one window, read once per page: its state, its orders (in pages) each with its
/// meter's registry entry, the posted matches, the settlement events of its matches, and the market-wide fee
/// recipient its grid fees are credited to.
/// </summary>
public sealed record WindowRecord(
    ulong Id,
    WindowInfo Info,
    IReadOnlyList<(ulong Id, OrderInfo Order, MeterInfo Meter)> Orders,
    IReadOnlyList<ChainMatch> Matches,
    IReadOnlyList<MatchSettledEvent> Settled,
    IReadOnlySet<ulong>? ValidatedOffers,
    string FeeRecipient)
{
    /// <summary>Whether the operator has finalised the clearing (the result hash is set).</summary>
    public bool IsCleared => Info.ResultHash.Any(b => b != 0);

    public static async Task<WindowRecord> ReadAsync(MarketReader reader, ulong id, CancellationToken ct)
    {
        var market = reader.Market;
        // The reader's address (read once per explorer) is needed by the order pages; asked beside the window, not after it.
        var readerAddress = market.Trade.ReaderAddressAsync(ct);
        var info = await market.Trade.GetWindowAsync(id, ct);
        await readerAddress;
        // Independent reads overlap: the node answers one while the others' answers are decoded.
        var orders = market.Trade.GetWindowOrdersAsync(id, info.OrderCount, ct);
        var matches = market.Trade.GetAllWindowMatchesAsync(id, info.MatchCount, ct);
        var settled = info.MatchCount == 0 ? Task.FromResult<IReadOnlyList<EventLog<MatchSettledEvent>>>([])
            : market.Trade.GetEventsAsync<MatchSettledEvent>(market.Deployment.Block, null, [id], ct);
        var validated = info.Params.ValidateOffers
            ? market.Trade.GetEventsAsync<OfferValidatedEvent>(market.Deployment.Block, null, [], ct)
            : Task.FromResult<IReadOnlyList<EventLog<OfferValidatedEvent>>>([]);
        var feeRecipient = market.Trade.FeeRecipientAsync(ct);
        return new WindowRecord(id, info, await orders, await matches, [.. (await settled).Select(e => e.Event)],
            info.Params.ValidateOffers ? (await validated).Select(e => e.Event.OrderId).ToHashSet() : null, await feeRecipient);
    }

    /// <summary>
    /// The book a clearing is computed from, as <c>energy market verify</c> rebuilds it: once cleared, the orders that
    /// traded at clearing; before that, the orders that would trade if matching ran now.
    /// </summary>
    public IReadOnlyList<WindowOrder> ClearingBook() =>
        [.. Orders.Where(o => IsCleared ? OrderValidity.TradedAtClearing(o.Id, o.Order, ValidatedOffers) : OrderValidity.TradesInMatching(o.Order))
            .Select(o => new WindowOrder(o.Id, o.Order, o.Meter.Bus, o.Meter.Owner))];

    private Dictionary<ulong, (OrderInfo Order, MeterInfo Meter)>? byId;

    private (OrderInfo Order, MeterInfo Meter)? Entry(ulong orderId) =>
        (byId ??= Orders.ToDictionary(o => o.Id, o => (o.Order, o.Meter))).TryGetValue(orderId, out var entry) ? entry : null;

    /// <summary>An order of this window by id, or null.</summary>
    public OrderInfo? Order(ulong orderId) => Entry(orderId)?.Order;

    /// <summary>The feeder bus of an order's meter, or null when the order is not in this window.</summary>
    public uint? BusOf(ulong orderId) => Entry(orderId)?.Meter.Bus;
}
