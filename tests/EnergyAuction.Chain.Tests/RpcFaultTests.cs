using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using EnergyAuction.Devnet;
using static EnergyAuction.Chain.Tests.FakeRpcServer;

namespace EnergyAuction.Chain.Tests;

/// <summary>What the client does when the node misbehaves: it fails clearly and quickly, retries only what is
/// safe to retry, and never sends a transaction twice without checking.</summary>
public class RpcFaultTests
{
    private static readonly RpcResilienceOptions Fast = new()
    {
        AttemptTimeout = TimeSpan.FromMilliseconds(500), MaxRetries = 2,
        BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100),
    };

    [Test]
    [NonParallelizable]
    public async Task A_node_stopped_mid_run_gives_a_clear_error_naming_it_and_no_hang()
    {
        await using var node = await HardhatNode.StartAsync();
        using var rpc = new ChainRpcClient(new Uri(node.RpcUrl), options: Fast);
        var tm = new TransactionSender(rpc, node.Accounts[0]);
        await tm.SendAndWaitAsync(new TransactionInput(node.Accounts[1].Address, [], 1));

        await node.KillAsync();
        var clock = Stopwatch.StartNew();
        var e = Assert.ThrowsAsync<RpcUnavailableException>(() => tm.SendAndWaitAsync(new TransactionInput(node.Accounts[1].Address, [], 1)));
        Assert.That(e!.Message, Does.Contain(node.RpcUrl));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
    }

    [Test]
    public void A_node_that_never_answers_times_out_with_a_clear_error()
    {
        using var server = new FakeRpcServer(async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20));
            return new Reply(200, "{}");
        });
        using var rpc = new ChainRpcClient(server.Url, options: Fast with { MaxRetries = 1 });
        var clock = Stopwatch.StartNew();
        Assert.ThrowsAsync<RpcUnavailableException>(() => rpc.BlockNumberAsync());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(server.Methods, Has.Count.EqualTo(2), "one attempt and one retry");
    }

    [Test]
    public void A_malformed_response_is_reported_and_not_retried()
    {
        using var server = new FakeRpcServer((_, _) => Task.FromResult(new Reply(200, "<html>gateway</html>")));
        using var rpc = new ChainRpcClient(server.Url, options: Fast);
        var e = Assert.ThrowsAsync<RpcProtocolException>(() => rpc.BlockNumberAsync());
        Assert.That(e!.Message, Does.Contain("Malformed JSON-RPC response").And.Contain("eth_blockNumber"));
        Assert.That(server.Methods, Has.Count.EqualTo(1));

        using var badResult = new FakeRpcServer((_, r) => Task.FromResult(Result(r, "\"not-hex\"")));
        using var rpc2 = new ChainRpcClient(badResult.Url, options: Fast);
        Assert.ThrowsAsync<RpcProtocolException>(() => rpc2.BlockNumberAsync());
    }

    [Test]
    public void A_json_rpc_error_object_becomes_a_typed_exception_and_is_not_retried()
    {
        using var server = new FakeRpcServer((_, r) => Task.FromResult(Error(r, -32601, "Method not found")));
        using var rpc = new ChainRpcClient(server.Url, options: Fast);
        var e = Assert.ThrowsAsync<RpcException>(() => rpc.RequestAsync<string>("eth_nonsense"));
        Assert.That(e!.Code, Is.EqualTo(-32601));
        Assert.That(e.RpcMessage, Is.EqualTo("Method not found"));
        Assert.That(server.Methods, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Transient_http_failures_are_retried_until_the_node_answers()
    {
        var calls = 0;
        using var server = new FakeRpcServer((_, r) => Task.FromResult(Interlocked.Increment(ref calls) < 3
            ? new Reply(503, "Service Unavailable")
            : Result(r, "\"0x2a\"")));
        using var rpc = new ChainRpcClient(server.Url, options: Fast);
        Assert.That(await rpc.BlockNumberAsync(), Is.EqualTo(42UL));
        Assert.That(server.Methods, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task A_send_whose_outcome_is_unknown_is_not_repeated_when_the_node_already_has_it()
    {
        var raw = RawTransactions.Legacy(AccountKey.GenerateNew(), 31337, 0, 1, 21_000, ChainAddress.ZeroAddress, 1, []);
        var hash = HexConvert.ToHex(Keccak256.Hash(raw));
        using var server = new FakeRpcServer((method, r) => Task.FromResult(method switch
        {
            "eth_sendRawTransaction" => Reply.Dropped,
            "eth_getTransactionByHash" => Result(r, TransactionJson(hash)),
            _ => Error(r, -32601, "Method not found"),
        }));
        using var rpc = new ChainRpcClient(server.Url, options: Fast);
        Assert.That(await rpc.SendRawTransactionAsync(raw), Is.EqualTo(hash));
        Assert.That(server.Methods, Is.EqualTo(new[] { "eth_sendRawTransaction", "eth_getTransactionByHash" }));
    }

    [Test]
    public async Task A_lost_send_is_resent_only_after_the_node_confirms_it_does_not_have_it()
    {
        var raw = RawTransactions.Legacy(AccountKey.GenerateNew(), 31337, 0, 1, 21_000, ChainAddress.ZeroAddress, 1, []);
        var hash = HexConvert.ToHex(Keccak256.Hash(raw));
        var sends = 0;
        using var server = new FakeRpcServer((method, r) => Task.FromResult(method switch
        {
            "eth_sendRawTransaction" => Interlocked.Increment(ref sends) == 1 ? Reply.Dropped : Result(r, $"\"{hash}\""),
            "eth_getTransactionByHash" => Result(r, "null"),
            _ => Error(r, -32601, "Method not found"),
        }));
        using var rpc = new ChainRpcClient(server.Url, options: Fast);
        Assert.That(await rpc.SendRawTransactionAsync(raw), Is.EqualTo(hash));
        Assert.That(server.Methods, Is.EqualTo(new[] { "eth_sendRawTransaction", "eth_getTransactionByHash", "eth_sendRawTransaction" }));
    }

    [Test]
    public async Task Batch_answers_are_matched_to_requests_by_id_with_errors_per_call()
    {
        using var server = new FakeRpcServer((_, batch) =>
        {
            var items = batch.EnumerateArray().ToList();
            var answers = new[]
            {
                Error(items[1], -32000, "header not found").Body,
                Result(items[0], "\"0x7a69\"").Body,
            };
            return Task.FromResult(new Reply(200, "[" + string.Join(",", answers) + "]"));
        });
        using var rpc = new ChainRpcClient(server.Url, options: Fast);
        var answers = await rpc.BatchAsync([new RpcRequest("eth_chainId"), new RpcRequest("eth_getBlockByNumber", "0x999", false)]);
        Assert.That(HexConvert.ParseQuantity(answers[0].As<string>()), Is.EqualTo(new BigInteger(31337)));
        Assert.That(answers[1].Error!.RpcMessage, Is.EqualTo("header not found"));
    }

    private static string TransactionJson(string hash) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["hash"] = hash, ["from"] = ChainAddress.ZeroAddress, ["to"] = ChainAddress.ZeroAddress, ["nonce"] = "0x0",
        ["blockNumber"] = null, ["input"] = "0x", ["value"] = "0x1", ["type"] = "0x0",
    });
}
