using System.Numerics;
using EnergyAuction.Chain.Events;

namespace EnergyAuction.Chain;

/// <summary>
/// The settlement readings of a window asked and answered in one go, as the market's oracle node would: requestReadings
/// for the given orders (one batched oracle request), then one fulfillOracleRequest2 carrying every reading given. The
/// client must sign as one of the Operator's authorised senders. Orders without a reading are answered as not read (a
/// silent meter); a request with no reading at all is left unanswered. For devnets and tests; the daemon's OracleJob
/// answers real requests from the HEMS.
/// </summary>
public static class OracleNodeReadings
{
    /// <summary>Asks for <paramref name="orderIds"/>'s readings and answers those in <paramref name="readingsWh"/>.</summary>
    public static async Task AskAndAnswerAsync(MarketClient market, ulong windowId, IReadOnlyList<ulong> orderIds,
        IReadOnlyDictionary<ulong, BigInteger> readingsWh)
    {
        var receipt = await market.Trade.RequestReadingsAsync(windowId, orderIds).ConfigureAwait(false);
        var asked = market.OracleClient.DecodeEvents<ReadingsRequestedEvent>(receipt);
        foreach (var request in market.Operator.DecodeOracleRequests(receipt))
        {
            var batch = asked.Single(r => r.RequestId.AsSpan().SequenceEqual(request.RequestId));
            if (!batch.OrderIds.Any(readingsWh.ContainsKey)) continue;
            // The test node answers each order's Wh as both import and export: the client takes the order's side.
            var answer = batch.OrderIds.Select((order, i) => readingsWh.TryGetValue(order, out var wh)
                ? new HemsMeterReading(batch.MeterIds[i], wh, wh, true)
                : new HemsMeterReading(batch.MeterIds[i], 0, 0, false)).ToList();
            await market.Operator.FulfillOracleRequest2Async(request,
                Services.OracleOperatorService.EncodeReadingsFulfilment(request.RequestId, answer)).ConfigureAwait(false);
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
