using System.Numerics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using DevnetNode = EnergyAuction.Devnet.HardhatNode;

namespace EnergyAuction.Testing;

/// <summary>A real Hardhat node on a free loopback port, for integration tests: start one per fixture in
/// [OneTimeSetUp] and dispose it in [OneTimeTearDown]; chain time moves with evm_increaseTime. The node itself is
/// <see cref="DevnetNode"/> (shared with the demo); this is its test-facing face.</summary>
public sealed class HardhatNode : IAsyncDisposable
{
    public const int ChainId = DevnetNode.ChainId;

    private HardhatNode(DevnetNode node) => Devnet = node;

    /// <summary>The node as the devnet library runs it.</summary>
    public DevnetNode Devnet { get; }

    public int Port => Devnet.Port;

    public string RpcUrl => Devnet.RpcUrl;

    public ChainRpcClient Rpc => Devnet.Rpc;

    /// <summary>The 20 funded Hardhat accounts (10,000 ETH each at start).</summary>
    public IReadOnlyList<AccountKey> Accounts => Devnet.Accounts;

    public bool IsRunning => Devnet.IsRunning;

    /// <summary>The node's last output lines, for diagnosing failures.</summary>
    public string Output => Devnet.Output;

    public static async Task<HardhatNode> StartAsync() => new(await DevnetNode.StartAsync().ConfigureAwait(false));

    /// <summary>Moves chain time forward and mines a block so the new timestamp is visible to calls.</summary>
    public Task IncreaseTimeAsync(long seconds) => Devnet.IncreaseTimeAsync(seconds);

    public Task MineAsync() => Devnet.MineAsync();

    public Task<ulong> LatestTimestampAsync() => Devnet.LatestTimestampAsync();

    /// <summary>Snapshots the whole chain state; RevertAsync(id) returns to it (each id works once).</summary>
    public Task<string> SnapshotAsync() => Devnet.SnapshotAsync();

    public Task<bool> RevertAsync(string snapshotId) => Devnet.RevertAsync(snapshotId);

    /// <summary>With automine off, transactions wait in the mempool until MineAsync (or interval mining).</summary>
    public Task SetAutomineAsync(bool enabled) => Devnet.SetAutomineAsync(enabled);

    public Task SetIntervalMiningAsync(int milliseconds) => Devnet.SetIntervalMiningAsync(milliseconds);

    public Task SetBalanceAsync(string address, BigInteger wei) => Devnet.SetBalanceAsync(address, wei);

    /// <summary>A brand-new key holding the given balance (default 100 ETH).</summary>
    public Task<AccountKey> NewFundedKeyAsync(BigInteger? wei = null) => Devnet.NewFundedKeyAsync(wei);

    /// <summary>A transaction manager for a key on this node's chain.</summary>
    public TransactionSender NewTransactionManager(AccountKey key, TransactionSenderOptions? options = null) =>
        Devnet.NewTransactionManager(key, options);

    /// <summary>Kills the node abruptly (fault tests: the RPC server disappears mid-run).</summary>
    public Task KillAsync() => Devnet.KillAsync();

    public ValueTask DisposeAsync() => Devnet.DisposeAsync();
}
