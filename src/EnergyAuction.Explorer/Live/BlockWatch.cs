using System.Threading.Channels;
using EnergyAuction.Chain.Rpc;
using Microsoft.Extensions.Hosting;

namespace EnergyAuction.Explorer.Live;

/// <summary>
/// The one poller of the chain's block number that every open page shares: a new block (or the node going away or
/// coming back) is what changes what the pages show, so each subscriber hears of it once.
/// </summary>
public sealed class BlockWatch(ChainRpcClient rpc, TimeSpan interval) : BackgroundService
{
    private readonly Lock gate = new();
    private readonly List<Channel<ChainState>> subscribers = [];

    /// <summary>What the last poll saw.</summary>
    public ChainState Latest { get; private set; } = ChainState.Unknown;

    /// <summary>A stream of every change from now on; dispose it when the page goes away.</summary>
    public Subscription Subscribe()
    {
        // Only the newest state matters to a page that re-renders itself, so a slow reader drops the older ones.
        var channel = Channel.CreateBounded<ChainState>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (gate)
            subscribers.Add(channel);
        return new Subscription(channel.Reader, () =>
        {
            lock (gate)
                subscribers.Remove(channel);
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            var state = await PollAsync(stoppingToken);
            if (state != Latest)
                Publish(state);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<ChainState> PollAsync(CancellationToken ct)
    {
        try
        {
            return new ChainState(await rpc.BlockNumberAsync(ct), true);
        }
        catch (Exception e) when (e is RpcUnavailableException or RpcException or RpcProtocolException)
        {
            // A node that answers nonsense is as good as down for the pages; the poller must outlive it either way.
            return Latest with { NodeUp = false };
        }
    }

    private void Publish(ChainState state)
    {
        Latest = state;
        lock (gate)
            foreach (var channel in subscribers)
                channel.Writer.TryWrite(state);
    }

    /// <summary>One page's view of the changes.</summary>
    public sealed class Subscription(ChannelReader<ChainState> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<ChainState> Changes => reader;

        public void Dispose() => unsubscribe();
    }
}

/// <summary>The chain as the pages see it: the newest block number and whether the node answers.</summary>
public sealed record ChainState(ulong Block, bool NodeUp)
{
    /// <summary>Before the first poll.</summary>
    public static ChainState Unknown { get; } = new(0, false);
}
