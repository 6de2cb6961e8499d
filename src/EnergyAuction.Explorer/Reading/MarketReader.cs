using EnergyAuction.Chain;
using EnergyAuction.Clearing;

namespace EnergyAuction.Explorer.Reading;

/// <summary>What the pages read from: the chain (windows, orders, matches, balances; never a key), the feeder the
/// verification recomputes clearings with, and the feeder's map. Disposing it closes its connections to the node.</summary>
public sealed class MarketReader(string rpcUrl, MarketDeploymentRecord deployment, ClearingFeeder feeder, FeederMap? map) : IDisposable
{
    private readonly MarketClient market = MarketClient.Connect(rpcUrl, deployment);
    private MarketLimits? limits;

    /// <summary>The read-only market client (no key: it cannot send a transaction).</summary>
    public MarketClient Market => market;

    /// <summary>The feeder distances the explorer recomputes clearings with, as the operator does.</summary>
    public ClearingFeeder Feeder => feeder;

    /// <summary>Bus coordinates and lines for drawing matches; null when the feeder has no coordinates.</summary>
    public FeederMap? Map => map;

    /// <summary>Window records and audits kept between blocks while nothing changes them.</summary>
    public WindowRecords Records { get; } = new();

    /// <summary>The newest block's number and timestamp (the chain's clock for countdowns).</summary>
    public async Task<(ulong Number, ulong Timestamp)> LatestBlockAsync(CancellationToken ct)
    {
        var block = await market.Rpc.GetBlockAsync("latest", ct) ?? throw new InvalidOperationException("the node has no latest block");
        return (block.Number, block.Timestamp);
    }

    /// <summary>The contract's constants, read once (they never change).</summary>
    public async Task<MarketLimits> LimitsAsync(CancellationToken ct) => limits ??= await market.Trade.GetLimitsAsync(ct);

    public void Dispose() => market.Dispose();
}
