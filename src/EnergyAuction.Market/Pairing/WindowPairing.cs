using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Market.Pairing;

/// <summary>
/// The one entry point "clear and pair a window" of MARKET.md: drop unreachable orders, clear with the window's
/// mechanism, pair the winners greedily over feasible pairs, and while a winner is left unplaced remove the unplaced
/// winner of least surplus and start again. Each round removes an order, so it ends; the result depends on the book
/// alone. The operator daemon (through EnergyAuction.Clearing), `energy market verify`, the simulation and the
/// explorer all call this.
/// </summary>
public static class WindowPairing
{
    /// <param name="book">The window's open orders with their participants.</param>
    /// <param name="feeder">Distances on the feeder every participant's bus is on.</param>
    /// <param name="parameters">Mechanism, C_d, L and the cap on matches per bid.</param>
    /// <exception cref="InvalidOrderException">An order breaks MARKET.md "Orders".</exception>
    /// <exception cref="PairingException">An order without a participant, with a bus not on the feeder, or with D outside (0, L].</exception>
    public static PairedWindow ClearAndPair(WindowBook book, FeederDistances feeder, PairingParameters parameters)
    {
        Validate(book, feeder, parameters);
        var distances = new BookDistances(book, feeder);
        var mechanism = ClearingMechanisms.For(parameters.Mechanism);
        // Every (offer, bid) pair is asked at least once: look each order's bus and owner up once, not per pair.
        var (offerBus, offerOwner) = (book.Offers.Select(o => distances.BusOf(o.Id)).ToArray(), book.Offers.Select(o => book.Participants[o.Id].Owner).ToArray());
        var (bidBus, bidOwner) = (book.Bids.Select(b => distances.BusOf(b.Id)).ToArray(), book.Bids.Select(b => book.Participants[b.Id].Owner).ToArray());
        var reachable = new ReachableBook(book.Offers, book.Bids, (s, b) =>
            FeasiblePair.WithinReach(distances.Metres(bidBus[b], offerBus[s]), parameters.MaxDistanceM, bidOwner[b], offerOwner[s]));

        var removed = new List<RemovedOrder>();
        for (var round = 0; ; round++)
        {
            removed.AddRange(reachable.DropUnreachable().Select(d => new RemovedOrder(d.Order.Id, d.Side, RemovalReason.Unreachable, round)));
            var remaining = new WindowBook(reachable.Offers, reachable.Bids, book.Participants);
            var result = mechanism.Clear(remaining.Orders);
            if (!result.Trades)
                return new PairedWindow(result, [], removed, round + 1);

            var outcome = ScorePairing.Pair(result, remaining, distances, parameters);
            if (outcome.UnplacedWh.Count == 0)
                return new PairedWindow(result, outcome.Matches, removed, round + 1);

            var (order, side) = UnplacedWinner.LeastSurplus(result, remaining, outcome.UnplacedWh);
            reachable.Remove(order.Id, side);
            removed.Add(new RemovedOrder(order.Id, side, RemovalReason.Unplaced, round + 1));
        }
    }

    private static void Validate(WindowBook book, FeederDistances feeder, PairingParameters parameters)
    {
        if (parameters.MaxDistanceM < 0)
            throw new PairingException($"maximum distance L must not be negative, got {parameters.MaxDistanceM}");
        if (parameters.GridCharge.Sign < 0)
            throw new PairingException($"grid charge must not be negative, got {parameters.GridCharge}");
        if (parameters.MaxMatchesPerBid < 1)
            throw new PairingException($"matches per bid must be capped at 1 or more, got {parameters.MaxMatchesPerBid}");
        OrderRules.Validate(book.Orders);
        var offerIds = book.Offers.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (order, side) in book.Offers.Select(o => (o, "offer")).Concat(book.Bids.Select(b => (b, "bid"))))
        {
            if (side == "bid" && offerIds.Contains(order.Id))
                throw new PairingException($"bid {order.Id}: an offer has the same id (ids are unique across both sides)");
            if (!book.Participants.TryGetValue(order.Id, out var who))
                throw new PairingException($"{side} {order.Id} has no participant (bus, owner and distance preference)");
            if (!feeder.Contains(who.Bus))
                throw new PairingException($"{side} {order.Id}: bus {who.Bus} is not on the feeder");
            if (who.DistancePreferenceM is { } d && (d <= 0 || d > parameters.MaxDistanceM))
                throw new PairingException($"{side} {order.Id}: distance preference D = {d} m is outside (0, L = {parameters.MaxDistanceM} m]");
        }
    }
}
