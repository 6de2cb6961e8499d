namespace EnergyAuction.Market.Pairing;

/// <summary>
/// A window's open orders as submitted (unsorted), each with its participant (bus, owner, D) keyed by order id; ids
/// are unique across both sides, as on chain.
/// </summary>
public sealed record WindowBook(IReadOnlyList<Order> Offers, IReadOnlyList<Order> Bids, IReadOnlyDictionary<string, Participant> Participants)
{
    public OrderBook Orders => new(Offers, Bids);
}
