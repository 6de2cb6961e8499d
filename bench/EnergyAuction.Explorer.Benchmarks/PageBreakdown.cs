using System.Diagnostics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Services;
using EnergyAuction.Clearing;
using EnergyAuction.Explorer.Pages;
using EnergyAuction.Explorer.Reading;

namespace EnergyAuction.Explorer.Benchmarks;

/// <summary>
/// Where a cold Window page's time goes, part by part, each part timed on its own (one after the other, the median of
/// three): the chain reads, the clearings recomputed from the book and the page's HTML. A cold render overlaps the
/// reads, so it takes less than the sum.
/// </summary>
internal static class PageBreakdown
{
    public static async Task<IReadOnlyList<(string Part, long Ms)>> MeasureAsync(MarketReader reader, ulong windowId)
    {
        var market = reader.Market;
        var info = await market.Trade.GetWindowAsync(windowId);
        var limits = await market.Trade.GetLimitsAsync();
        var ids = await market.Trade.GetWindowOrderIdsAsync(windowId);
        var record = await WindowRecord.ReadAsync(reader, windowId, CancellationToken.None);
        var units = new ClearingUnits(p => Html.Wei(p), e => Html.Kwh((ulong)e));
        var audit = ClearingAudit.Of(record, reader.Feeder, limits, units);
        // windowOrders(windowId, 0, 500) as raw call data: the node's own time, without decoding the answer.
        var call = Keccak256.Hash("windowOrders(uint256,uint256,uint256)")[..4].Concat(Word(windowId)).Concat(Word(0)).Concat(Word(EnergyTradeService.OrdersPerCall));
        var page = new RpcRequest("eth_call", new Dictionary<string, string> { ["to"] = await market.Trade.ReaderAddressAsync(), ["data"] = HexConvert.ToHex(call.ToArray()) }, "latest");
        // What main read besides the pages: one meterOf(bytes32) per order's meter, as raw batches of 500 eth_calls.
        var meterOfSelector = Keccak256.Hash("meterOf(bytes32)")[..4];
        var meterOfs = record.Orders.Select(o => new RpcRequest("eth_call", new Dictionary<string, string>
            { ["to"] = market.DataAccess.Address, ["data"] = HexConvert.ToHex([.. meterOfSelector, .. o.Order.MeterId]) }, "latest")).ToList();
        var parts = new List<(string, long)>
        {
            ($"{ids.Length} orders, one order(id) each in JSON-RPC batches (before)", await Median(() => market.Trade.GetOrdersAsync(ids))),
            ($"{ids.Length} orders with their meters and their ids in windowOrderIds and windowOrders pages, each its own request (now)", await Median(() => market.Trade.GetWindowOrdersAsync(windowId))),
            ("  of which the node answering one windowOrders page of 500", await Median(() => market.Rpc.BatchAsync([page]))),
            ($"{meterOfs.Count} meterOf calls in JSON-RPC batches of 500 (what main read besides the pages)",
                await Median(() => Task.WhenAll(meterOfs.Chunk(500).Select(batch => market.Rpc.BatchAsync(batch))))),
            ($"{info.MatchCount} matches (windowMatches pages, each its own request)", await Median(() => market.Trade.GetAllWindowMatchesAsync(windowId, info.MatchCount))),
            ("MatchSettled events", await Median(() => market.Trade.GetEventsAsync<MatchSettledEvent>(market.Deployment.Block, null, [windowId], CancellationToken.None))),
            ("clearing audit (three mechanisms, the comparison and the posted matches' hash)", await Median(() => Task.FromResult(ClearingAudit.Of(record, reader.Feeder, limits, units)))),
            ("  of which one ClearingResultHash.Compute over the posted matches", await Median(() => Task.FromResult(ClearingResultHash.Compute(windowId, info.Price, record.Matches)))),
            ("  of which the window's own mechanism cleared and paired once", await Median(() => Task.FromResult(WindowClearing.ClearAndPair(info.Params, record.ClearingBook(), reader.Feeder.Distances, limits.MaxMatchesPerBid)))),
            ("step curves SVG", await Median(() => Task.FromResult(StepCurves.Svg([.. record.Orders.Select(o => o.Order)], info.Price)))),
            ("mechanism prices", await Median(() => Task.FromResult(MechanismPrices.Html(record, audit)))),
            ("feeder map SVG", await Median(() => Task.FromResult(FeederMapSvg.Html(reader.Map, record)))),
            ("settlement tables", await Median(() => Task.FromResult(SettlementTables.Html(record)))),
        };
        return parts;
    }

    private static byte[] Word(ulong value)
    {
        var word = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(word.AsSpan(24), value);
        return word;
    }

    private static async Task<long> Median<T>(Func<Task<T>> part)
    {
        var times = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            await part();
            times.Add(clock.ElapsedMilliseconds);
        }
        return times.Order().ElementAt(1);
    }
}
