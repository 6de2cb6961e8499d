using System.Numerics;
using System.Text;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using EnergyAuction.Devnet;
using static EnergyAuction.Chain.Tests.FakeRpcServer;

namespace EnergyAuction.Chain.Tests;

/// <summary>The read retries and the send rule against a real Hardhat node behind a link that fails: a loopback HTTP
/// proxy forwards every request to the node, except the ones it is told to fail.</summary>
[NonParallelizable]
public sealed class FlakyLinkTests
{
    private static readonly RpcResilienceOptions Fast = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(1), MaxRetries = 3,
        BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100),
    };

    private HardhatNode _node = null!;
    private HttpClient _forward = null!;

    [OneTimeSetUp]
    public async Task StartNode()
    {
        _node = await HardhatNode.StartAsync();
        _forward = new HttpClient();
    }

    [OneTimeTearDown]
    public async Task StopNode()
    {
        _forward?.Dispose();
        if (_node is not null) await _node.DisposeAsync();
    }

    [Test]
    public async Task Reads_succeed_after_the_link_fails_twice_for_each_of_them()
    {
        var failures = new Dictionary<string, int>();
        using var link = new FakeRpcServer(async (method, request) =>
        {
            lock (failures)
            {
                failures[method] = failures.GetValueOrDefault(method) + 1;
                if (failures[method] <= 2) return new Reply(503, "Service Unavailable");
            }
            return await ForwardAsync(request);
        });
        using var rpc = new ChainRpcClient(link.Url, options: Fast);
        var account = _node.Accounts[0].Address;

        Assert.That(await rpc.BlockNumberAsync(), Is.EqualTo(await _node.Rpc.BlockNumberAsync()));
        Assert.That(await rpc.GetBalanceAsync(account), Is.EqualTo(await _node.Rpc.GetBalanceAsync(account)));
        Assert.That((await rpc.GetBlockAsync("latest"))!.Hash, Is.EqualTo((await _node.Rpc.GetBlockAsync("latest"))!.Hash));
        Assert.That(await rpc.GetLogsAsync(new LogFilter(FromBlock: 0)), Has.Count.EqualTo((await _node.Rpc.GetLogsAsync(new LogFilter(FromBlock: 0))).Count));
        Assert.That(link.Methods.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count()),
            Is.EqualTo(new Dictionary<string, int> { ["eth_blockNumber"] = 3, ["eth_getBalance"] = 3, ["eth_getBlockByNumber"] = 3, ["eth_getLogs"] = 3 }));
    }

    [Test]
    public async Task A_transaction_whose_answer_is_lost_reaches_the_node_once()
    {
        var key = _node.Accounts[7];
        using var link = new FakeRpcServer(async (method, request) =>
        {
            var answer = await ForwardAsync(request);
            // The node took the transaction, but its answer never comes back.
            return method == "eth_sendRawTransaction" ? Reply.Dropped : answer;
        });
        using var rpc = new ChainRpcClient(link.Url, options: Fast);
        var sender = new TransactionSender(rpc, key, new TransactionSenderOptions { ExpectedChainId = HardhatNode.ChainId });
        var nonceBefore = await _node.Rpc.GetTransactionCountAsync(key.Address, "latest");

        var receipt = await sender.SendAndWaitAsync(new TransactionInput(_node.Accounts[8].Address, [], 1_000));

        Assert.That(receipt.Succeeded, Is.True);
        Assert.That(link.Methods.Count(m => m == "eth_sendRawTransaction"), Is.EqualTo(1), "never sent again");
        Assert.That(link.Methods, Does.Contain("eth_getTransactionByHash"), "asked the node instead");
        Assert.That(await _node.Rpc.GetTransactionCountAsync(key.Address, "latest"), Is.EqualTo(nonceBefore + BigInteger.One));
    }

    private async Task<Reply> ForwardAsync(System.Text.Json.JsonElement request)
    {
        using var content = new StringContent(request.GetRawText(), Encoding.UTF8, "application/json");
        using var response = await _forward.PostAsync(_node.RpcUrl, content);
        return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
