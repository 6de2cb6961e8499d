using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using DA = EnergyAuction.Chain.Generated.DataAccess.ContractDefinition;
using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;

namespace EnergyAuction.Explorer.Reading;

/// <summary>
/// Orders and meters read many at a time: one JSON-RPC batch of eth_calls per <see cref="BatchSize"/> items instead
/// of one HTTP round trip each, so a window of thousands of orders renders in well under a second's worth of calls.
/// </summary>
public static class BatchCalls
{
    /// <summary>Calls per HTTP request: large enough to amortise the round trip, small enough for the node's request limit.</summary>
    public const int BatchSize = 500;

    /// <summary>The orders with these ids, in the same order.</summary>
    public static async Task<IReadOnlyList<(ulong Id, OrderInfo Order)>> OrdersAsync(MarketClient market, IReadOnlyList<ulong> ids, CancellationToken ct)
    {
        var decoder = new FunctionBuilder<ET.OrderFunction>(market.Trade.Address);
        var outputs = await CallAllAsync(market.Rpc, market.Trade.Address, ids.Select(id => new ET.OrderFunction { OrderId = id }).ToList(),
            hex => (OrderViewWords.Applies ? OrderViewWords.Decode(hex) : null) ?? ToInfo(decoder.DecodeDTOTypeOutput<ET.OrderOutputDTO>(hex).V), ct);
        return [.. ids.Zip(outputs, (id, o) => (id, o))];
    }

    /// <summary>Each distinct meter's registry entry (owner and feeder bus).</summary>
    public static async Task<IReadOnlyDictionary<string, MeterInfo>> MetersAsync(MarketClient market, IEnumerable<string> meters, CancellationToken ct)
    {
        var distinct = meters.Distinct(StringComparer.Ordinal).ToList();
        var decoder = new FunctionBuilder<DA.MeterOfFunction>(market.DataAccess.Address);
        var outputs = await CallAllAsync(market.Rpc, market.DataAccess.Address,
            distinct.Select(m => new DA.MeterOfFunction { MeterId = MeterId.ToBytes32(m) }).ToList(), decoder.DecodeDTOTypeOutput<DA.MeterOfOutputDTO>, ct);
        return distinct.Zip(outputs, (m, o) => (m, new MeterInfo(ChainAddress.ToChecksum(o.Owner), o.Bus)))
            .ToDictionary(x => x.m, x => x.Item2, StringComparer.Ordinal);
    }

    private static async Task<List<TOutput>> CallAllAsync<TFunction, TOutput>(ChainRpcClient rpc, string address, IReadOnlyList<TFunction> calls,
        Func<string, TOutput> decode, CancellationToken ct) where TFunction : FunctionMessage, new()
    {
        // All batches are sent at once: the node works on the next while the answers of the last are decoded here.
        var batches = await Task.WhenAll(calls.Chunk(BatchSize).Select(async chunk =>
        {
            var requests = chunk.Select(c => new RpcRequest("eth_call",
                new Dictionary<string, string> { ["to"] = address, ["data"] = HexConvert.ToHex(c.GetCallData()) }, "latest")).ToList();
            return (await rpc.BatchAsync(requests, ct)).Select(r => decode(r.GetResultOrThrow().GetString()!)).ToList();
        }));
        return [.. batches.SelectMany(b => b)];
    }

    private static OrderInfo ToInfo(ET.OrderView o) => new((ulong)o.WindowId, ChainAddress.ToChecksum(o.Owner), o.MeterId,
        (OrderSide)o.Side, o.EnergyWh, o.Price, (OrderStatus)o.Status, o.MatchedWh, o.Deposit);
}
