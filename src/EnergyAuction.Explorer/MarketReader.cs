using EnergyAuction.Chain;
using EnergyAuction.Clearing;

namespace EnergyAuction.Explorer;

/// <summary>What the pages read from the chain: windows, orders, matches, balances (never a key), plus the feeder
/// the verification recomputes the clearing with.</summary>
public sealed class MarketReader(string rpcUrl, MarketDeploymentRecord deployment, ClearingFeeder feeder)
{
    private readonly MarketClient market = MarketClient.Connect(rpcUrl, deployment);

    /// <summary>The read-only market client (no key: it cannot send a transaction).</summary>
    public MarketClient Market => market;

    /// <summary>The feeder distances the explorer recomputes clearings with, as the operator does.</summary>
    public ClearingFeeder Feeder => feeder;

    /// <summary>The newest block's number and timestamp (the chain's clock for countdowns).</summary>
    public async Task<(ulong Number, ulong Timestamp)> LatestBlockAsync(CancellationToken ct)
    {
        var block = await market.Rpc.GetBlockAsync("latest", ct) ?? throw new InvalidOperationException("the node has no latest block");
        return (block.Number, block.Timestamp);
    }
}
