using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Market;
using EnergyAuction.Market.Clearing;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;
using OrderSide = EnergyAuction.Chain.OrderSide;

namespace EnergyAuction.Cli.Verification;

/// <summary>
/// The clearing an honest operator posts for a window, computed as the operator daemon does
/// (src/EnergyAuction.Operator/Clearing/WindowClearing.cs): the window's mechanism on its valid orders (engine id and
/// seq = on-chain order id), score pairing on the meters' feeder buses with the window's maximum distance as everyone's
/// distance preference, matches in pairing order; orders off the feeder stay out; a result the contract would refuse
/// becomes no trade (price 0, no matches).
/// </summary>
public static class OperatorClearing
{
    public sealed record Plan(BigInteger Price, IReadOnlyList<ChainMatch> Matches)
    {
        public byte[] ResultHash(ulong windowId) => ClearingResultHash.Compute(windowId, Price, Matches);
    }

    public static Plan Compute(WindowParams parameters, OnChainOrderBook book, FeederDistances feeder, uint maxMatchesPerBid)
    {
        var trading = book.Orders.Where(o => feeder.Contains(Bus(o))).ToList();
        var offers = trading.Where(o => o.Order.Side == OrderSide.Offer).Select(ToEngine).ToList();
        var bids = trading.Where(o => o.Order.Side == OrderSide.Bid).Select(ToEngine).ToList();
        var result = ClearingMechanisms.For(MechanismNames.ToEngine(parameters.Mechanism)).Clear(new OrderBook(offers, bids));
        if (result.Price is not { } price)
            return new Plan(0, []);
        var participants = trading.ToDictionary(Id, o => new Participant(Bus(o), parameters.MaxDistanceM), StringComparer.Ordinal);
        var matches = ScorePairing.Pair(result, offers, bids, participants, feeder, parameters.GridCharge)
            .Select(m => new ChainMatch(ulong.Parse(m.OfferId, CultureInfo.InvariantCulture), ulong.Parse(m.BidId, CultureInfo.InvariantCulture),
                (ulong)m.EnergyWh, (uint)Math.Min(m.DistanceM, uint.MaxValue)))
            .ToList();
        return ContractAccepts(parameters, price, matches, maxMatchesPerBid) ? new Plan(price, matches) : new Plan(0, []);
    }

    // EnergyTrade.postClearing's per-match checks that pairing can break: distance, the seller's fee half, matches per bid.
    private static bool ContractAccepts(WindowParams parameters, BigInteger price, IReadOnlyList<ChainMatch> matches, uint maxMatchesPerBid) =>
        matches.All(m => m.DistanceM <= parameters.MaxDistanceM && price * 2000 >= parameters.GridCharge * m.DistanceM)
        && matches.GroupBy(m => m.BidId).All(g => g.Count() <= maxMatchesPerBid);

    private static Order ToEngine(OnChainOrderBook.Entry o) => new(Id(o), checked((long)o.Order.EnergyWh), o.Order.Price, checked((long)o.OrderId));

    private static string Id(OnChainOrderBook.Entry o) => o.OrderId.ToString(CultureInfo.InvariantCulture);

    private static string Bus(OnChainOrderBook.Entry o) => o.Bus.ToString(CultureInfo.InvariantCulture);
}
