using System.Diagnostics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Services;
using EnergyAuction.Chain.Transactions;
using EnergyAuction.Devnet;
using static EnergyAuction.Chain.Tests.FakeRpcServer;

namespace EnergyAuction.Chain.Tests;

/// <summary>A caller that gives up (the daemon shutting down, a CLI user pressing Ctrl+C) stops waiting on a node
/// that hangs: the token reaches the HTTP request, and a cancelled call is not retried.</summary>
public class CancellationTests
{
    // Far longer than the tests wait: only the token can end these calls in time.
    private static readonly RpcResilienceOptions Patient = new() { AttemptTimeout = TimeSpan.FromSeconds(30), MaxRetries = 3 };
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(2);

    [Test]
    public async Task A_cancelled_read_stops_at_once_and_is_not_retried()
    {
        using var node = new HangingNode();
        using var rpc = new ChainRpcClient(node.Server.Url, options: Patient);
        await node.AssertCancelledPromptlyAsync(ct => rpc.GetBalanceAsync(ChainAddress.ZeroAddress, ct: ct));
        Assert.That(node.Server.Methods, Is.EqualTo(new[] { "eth_getBalance" }));
    }

    [Test]
    public async Task A_cancelled_contract_read_through_a_service_stops_at_once()
    {
        using var node = new HangingNode();
        using var rpc = new ChainRpcClient(node.Server.Url, options: Patient);
        var trade = new EnergyTradeService(rpc, ChainAddress.ZeroAddress, null);
        await node.AssertCancelledPromptlyAsync(ct => trade.GetWindowAsync(1, ct));
        Assert.That(node.Server.Methods, Is.EqualTo(new[] { "eth_call" }));
    }

    [Test]
    public async Task A_cancelled_transaction_stops_at_once_and_sends_nothing_more()
    {
        using var node = new HangingNode();
        using var rpc = new ChainRpcClient(node.Server.Url, options: Patient);
        var sender = new TransactionSender(rpc, HardhatAccounts.Keys[0], new TransactionSenderOptions { ExpectedChainId = HardhatNode.ChainId });
        await node.AssertCancelledPromptlyAsync(ct => sender.SendAndWaitAsync(new TransactionInput(HardhatAccounts.Keys[1].Address, [], 1), ct: ct));
        Assert.That(node.Server.Methods, Has.Count.EqualTo(1), "the first request hung; nothing was sent after it");
    }

    [Test]
    public void A_token_cancelled_before_the_call_sends_no_request()
    {
        using var node = new HangingNode();
        using var rpc = new ChainRpcClient(node.Server.Url, options: Patient);
        Assert.That(async () => await rpc.BlockNumberAsync(new CancellationToken(canceled: true)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(node.Server.Methods, Is.Empty);
    }

    /// <summary>A node that takes every request and never answers in time; it says when the first one arrived.</summary>
    private sealed class HangingNode : IDisposable
    {
        private readonly TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public HangingNode() => Server = new FakeRpcServer(async (_, _) =>
        {
            _arrived.TrySetResult();
            await Task.Delay(TimeSpan.FromSeconds(20));
            return new Reply(200, "{}");
        });

        public FakeRpcServer Server { get; }

        /// <summary>Starts the call, cancels it once the node holds its request, and checks it ends promptly as cancelled.</summary>
        public async Task AssertCancelledPromptlyAsync(Func<CancellationToken, Task> call)
        {
            using var cts = new CancellationTokenSource();
            var running = call(cts.Token);
            await _arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
            var clock = Stopwatch.StartNew();
            await cts.CancelAsync();
            Assert.That(async () => await running, Throws.InstanceOf<OperationCanceledException>());
            Assert.That(clock.Elapsed, Is.LessThan(Promptly));
        }

        public void Dispose() => Server.Dispose();
    }
}
