using System.Numerics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;

namespace EnergyAuction.Devnet;

/// <summary>A local development chain (Hardhat or anvil) on a free loopback port, in its own process group, with the
/// dev-chain controls the demo and the tests use (chain time, balances, mining, snapshots). Both nodes answer the same
/// evm_* and hardhat_setBalance methods, so only starting them differs.</summary>
public abstract class DevChainNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly ChildProcess _process;

    protected DevChainNode(ChildProcess process, int port, int chainId)
    {
        _process = process;
        Port = port;
        ExpectedChainId = chainId;
        RpcUrl = $"http://127.0.0.1:{port}";
        Rpc = new ChainRpcClient(new Uri(RpcUrl));
    }

    public int Port { get; }

    public string RpcUrl { get; }

    public ChainRpcClient Rpc { get; }

    /// <summary>The chain id the node was started with (checked before it counts as ready).</summary>
    public int ExpectedChainId { get; }

    /// <summary>The process group id of the node (for checking nothing is left running).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The 20 funded accounts of the test mnemonic (10,000 ETH each at start).</summary>
    public IReadOnlyList<AccountKey> Accounts => HardhatAccounts.Keys;

    public bool IsRunning => !_process.HasExited;

    /// <summary>The node's last output lines, for diagnosing failures.</summary>
    public string Output => _process.Output;

    /// <summary>Moves chain time forward and mines a block so the new timestamp is visible to calls.</summary>
    public async Task IncreaseTimeAsync(long seconds)
    {
        await Rpc.RequestAsync<object>("evm_increaseTime", seconds).ConfigureAwait(false);
        await MineAsync().ConfigureAwait(false);
    }

    /// <summary>Moves chain time to just past <paramref name="deadline"/> (unix seconds) if it is not there yet.</summary>
    public async Task PassDeadlineAsync(ulong deadline)
    {
        var now = await LatestTimestampAsync().ConfigureAwait(false);
        if (now <= deadline) await IncreaseTimeAsync((long)(deadline - now) + 1).ConfigureAwait(false);
    }

    public Task MineAsync() => Rpc.RequestAsync<object>("evm_mine");

    public async Task<ulong> LatestTimestampAsync() =>
        (await Rpc.GetBlockAsync("latest").ConfigureAwait(false))!.Timestamp;

    /// <summary>Snapshots the whole chain state; RevertAsync(id) returns to it (each id works once).</summary>
    public Task<string> SnapshotAsync() => Rpc.RequestAsync<string>("evm_snapshot");

    public Task<bool> RevertAsync(string snapshotId) => Rpc.RequestAsync<bool>("evm_revert", snapshotId);

    /// <summary>With automine off, transactions wait in the mempool until MineAsync (or interval mining).</summary>
    public Task SetAutomineAsync(bool enabled) => Rpc.RequestAsync<object>("evm_setAutomine", enabled);

    public Task SetIntervalMiningAsync(int milliseconds) => Rpc.RequestAsync<object>("evm_setIntervalMining", milliseconds);

    public Task SetBalanceAsync(string address, BigInteger wei) =>
        Rpc.RequestAsync<object>("hardhat_setBalance", address, HexConvert.ToQuantity(wei));

    /// <summary>A brand-new key holding the given balance (default 100 ETH).</summary>
    public async Task<AccountKey> NewFundedKeyAsync(BigInteger? wei = null)
    {
        var key = AccountKey.GenerateNew();
        await SetBalanceAsync(key.Address, wei ?? BigInteger.Pow(10, 20)).ConfigureAwait(false);
        return key;
    }

    /// <summary>An ordered transaction sender for a key on this node's chain.</summary>
    public TransactionSender NewTransactionSender(AccountKey key, TransactionSenderOptions? options = null) =>
        new(Rpc, key, options ?? new TransactionSenderOptions { ExpectedChainId = ExpectedChainId });

    /// <summary>Kills the node abruptly (fault tests: the RPC server disappears mid-run).</summary>
    public Task KillAsync() => _process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        Rpc.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits until a freshly started node answers eth_chainId with its chain id; on failure (or if it never
    /// gets there) stops it and throws an error that shows its output.</summary>
    protected static async Task<TNode> ReadyAsync<TNode>(TNode node) where TNode : DevChainNode
    {
        try
        {
            await node.WaitUntilReadyAsync().ConfigureAwait(false);
        }
        catch
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return node;
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new ChainRpcClient(new Uri(RpcUrl), options: new RpcResilienceOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(2) });
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited) throw _process.Failure("exited before it was ready");
            try
            {
                if (await probe.ChainIdAsync().ConfigureAwait(false) == ExpectedChainId) return;
            }
            catch (RpcUnavailableException)
            {
                // not listening yet
            }
            if (DateTime.UtcNow > deadline) throw _process.Failure($"on {RpcUrl} was not ready within {StartTimeout.TotalSeconds:0} s");
            await Task.Delay(150).ConfigureAwait(false);
        }
    }
}
