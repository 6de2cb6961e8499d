using System.Numerics;
using EnergyAuction.Chain.Events;

namespace EnergyAuction.Chain;

/// <summary>
/// The settlement readings of a window asked and answered in one go, as the market's oracle node would: requestReadings
/// for the given orders, then fulfillOracleRequest2 for each request whose order has a reading. The client must sign
/// as one of the Operator's authorised senders. Orders without a reading are asked but left unanswered (a silent
/// meter). For devnets and tests; the daemon's OracleJob answers real requests from the HEMS.
/// </summary>
public static class OracleNodeReadings
{
    /// <summary>Asks for <paramref name="orderIds"/>'s readings and answers those in <paramref name="readingsWh"/>.</summary>
    public static async Task AskAndAnswerAsync(MarketClient market, ulong windowId, IReadOnlyList<ulong> orderIds,
        IReadOnlyDictionary<ulong, BigInteger> readingsWh)
    {
        var receipt = await market.Trade.RequestReadingsAsync(windowId, orderIds).ConfigureAwait(false);
        var asked = market.OracleClient.DecodeEvents<ReadingRequestedEvent>(receipt);
        foreach (var request in market.Operator.DecodeOracleRequests(receipt))
        {
            var order = asked.Single(r => r.RequestId.AsSpan().SequenceEqual(request.RequestId)).OrderId;
            if (readingsWh.TryGetValue(order, out var wh))
                await market.Operator.FulfillOracleRequest2Async(request, wh).ConfigureAwait(false);
        }
    }

    /// <summary>Every matched order of the window read as exactly its matched energy (an honest, complete delivery).</summary>
    public static async Task AnswerInFullAsync(MarketClient market, ulong windowId, IReadOnlyList<ChainMatch> matches)
    {
        var wh = new Dictionary<ulong, BigInteger>();
        foreach (var m in matches)
        {
            wh[m.OfferId] = wh.GetValueOrDefault(m.OfferId) + m.EnergyWh;
            wh[m.BidId] = wh.GetValueOrDefault(m.BidId) + m.EnergyWh;
        }
        await AskAndAnswerAsync(market, windowId, [.. wh.Keys], wh).ConfigureAwait(false);
    }
}
