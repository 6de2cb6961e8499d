using System.Numerics;
using System.Text.Json;
using EnergyAuction.Ethereum.Abi;
using EnergyAuction.Ethereum.Contracts;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;
using EnergyAuction.Testing;

namespace EnergyAuction.Ethereum.Tests;

/// <summary>Against a real Hardhat node: deploy from the artifact, send signed transactions from fresh keys,
/// read state, decode events and reverts, pipeline many transactions.</summary>
[NonParallelizable]
public class LiveNodeTests
{
    public sealed record Entry(BigInteger Id, string Owner, ulong Amount, string Label);

    public sealed record Summary(BigInteger Count, string Owner, BigInteger Limit);

    public sealed record Stored(BigInteger Id, string Owner, ulong Amount, string Label);

    public sealed record StoreFunction(Entry Entry);

    [Function("get")]
    public sealed record EntryById(BigInteger Id);

    public sealed record CountedEvent(string Sender, BigInteger Count);

    private HardhatNode _node = null!;
    private ContractAbi _abi = null!;

    [OneTimeSetUp]
    public async Task StartNode()
    {
        _node = await HardhatNode.StartAsync();
        _abi = ContractAbi.FromHardhatArtifact(RepoPaths.Artifact("ClientProbe"));
    }

    [OneTimeTearDown]
    public async Task StopNode() => await _node.DisposeAsync();

    private async Task<(Contract Probe, TransactionManager Tm)> DeployFromFreshKeyAsync(BigInteger? limit = null)
    {
        var tm = _node.NewTransactionManager(await _node.NewFundedKeyAsync());
        var probe = await Contract.DeployAsync(tm, _abi, limit ?? 10_000);
        return (probe, tm);
    }

    [Test]
    public async Task A_contract_deployed_from_its_artifact_stores_and_returns_a_struct()
    {
        var (probe, tm) = await DeployFromFreshKeyAsync();
        Assert.That(await _node.Rpc.GetCodeAsync(probe.Address), Is.Not.Empty);

        var entry = new Entry(7, tm.Address, 1500, "rooftop PV ⚡");
        var receipt = await probe.SendAsync(tm, "store", 0, entry);

        Assert.That(receipt.Succeeded, Is.True);
        Assert.That(await probe.CallAsync<Entry>("get", 7), Is.EqualTo(entry));
        Assert.That(await probe.CallAsync<Summary>("summary"), Is.EqualTo(new Summary(0, tm.Address, 10_000)));
        Assert.That(await probe.CallAsync<string>("owner"), Is.EqualTo(tm.Address));
    }

    [Test]
    public async Task Typed_function_messages_and_event_dtos_work_like_the_untyped_calls()
    {
        var (probe, tm) = await DeployFromFreshKeyAsync();
        var entry = new Entry(9, tm.Address, 42, "battery");
        await probe.SendAsync(tm, new StoreFunction(entry));
        Assert.That(await probe.CallAsync<EntryById, Entry>(new EntryById(9)), Is.EqualTo(entry));

        var receipt = await probe.SendAsync(tm, "increment", 0);
        Assert.That(probe.DecodeLogs<CountedEvent>(receipt), Is.EqualTo(new[] { new CountedEvent(tm.Address, 1) }));
        Assert.That(await probe.GetEventsAsync<CountedEvent>(receipt.BlockNumber), Is.EqualTo(new[] { new CountedEvent(tm.Address, 1) }));
    }

    [Test]
    public async Task Events_decode_from_receipts_and_from_log_queries_filtered_by_indexed_fields()
    {
        var (probe, tm) = await DeployFromFreshKeyAsync();
        var other = EthECKey.GenerateNew().Address;
        var receipt = await probe.SendAsync(tm, "storeMany", 0, (object)new[]
        {
            new Entry(1, tm.Address, 10, "a"), new Entry(2, other, 20, "b"), new Entry(3, tm.Address, 30, "c"),
        });

        var inReceipt = probe.DecodeLogs(receipt);
        Assert.That(inReceipt.Select(e => e.Name), Is.EqualTo(new[] { "Stored", "Stored", "Stored" }));
        Assert.That(inReceipt[1].Args["owner"], Is.EqualTo(other));
        Assert.That(inReceipt[1].Args["label"], Is.EqualTo("b"));

        var mine = await probe.GetEventsAsync<Stored>("Stored", receipt.BlockNumber, null, null, tm.Address);
        Assert.That(mine, Is.EqualTo(new[] { new Stored(1, tm.Address, 10, "a"), new Stored(3, tm.Address, 30, "c") }));
        var byId = await probe.GetEventsAsync("Stored", 0, null, 2);
        Assert.That(byId.Single().TransactionHash, Is.EqualTo(receipt.TransactionHash));

        var all = await probe.CallAsync<Entry[]>("all");
        Assert.That(all.Select(e => e.Label), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task A_custom_error_revert_reads_as_its_name_and_arguments_when_estimating_and_when_mined()
    {
        var (probe, tm) = await DeployFromFreshKeyAsync(limit: 100);

        var estimated = Assert.ThrowsAsync<ContractRevertException>(() => probe.SendAsync(tm, "store", 0, new Entry(1, tm.Address, 500, "big")));
        Assert.That(estimated!.Message, Is.EqualTo("ClientProbe reverted: TooLarge(500, 100)"));

        // A fixed gas limit skips estimation; automining Hardhat reports the revert in the send itself.
        var input = new TransactionInput(probe.Address, probe.EncodeCall("store", new Entry(1, tm.Address, 500, "big")), 0, 200_000);
        var onSend = Assert.ThrowsAsync<ContractRevertException>(() => tm.SendAndWaitAsync(input, _abi));
        Assert.That(onSend!.ErrorName, Is.EqualTo("TooLarge"));
        Assert.That(onSend.TransactionHash, Is.Not.Null);

        // Nodes that mine later (Besu, Hardhat without automine) only give a failed receipt; the revert comes from replaying it.
        await _node.SetAutomineAsync(false);
        try
        {
            var hash = await tm.SendTransactionAsync(input, _abi);
            await _node.MineAsync();
            var receipt = await tm.WaitForReceiptAsync(hash);
            Assert.That(receipt.Succeeded, Is.False);
            var mined = Assert.ThrowsAsync<ContractRevertException>(() => tm.ThrowIfRevertedAsync(receipt, input, _abi));
            Assert.That(mined!.ErrorName, Is.EqualTo("TooLarge"));
            Assert.That(mined.Arguments, Is.EqualTo(new object[] { new BigInteger(500), new BigInteger(100) }));
            Assert.That(mined.TransactionHash, Is.EqualTo(hash));
        }
        finally
        {
            await _node.SetAutomineAsync(true);
        }

        var stranger = _node.NewTransactionManager(await _node.NewFundedKeyAsync());
        var notOwner = Assert.ThrowsAsync<ContractRevertException>(() => probe.SendAsync(stranger, "setLimit", 0, 5));
        Assert.That(notOwner!.Message, Is.EqualTo($"ClientProbe reverted: NotOwner({stranger.Address})"));

        var reason = Assert.ThrowsAsync<ContractRevertException>(() => probe.CallAsync("failWithReason"));
        Assert.That(reason!.Reason, Is.EqualTo("plain reason"));
    }

    [Test]
    public async Task Two_hundred_pipelined_transactions_from_one_account_all_land_with_consecutive_nonces()
    {
        var (probe, tm) = await DeployFromFreshKeyAsync();
        var firstNonce = await _node.Rpc.GetTransactionCountAsync(tm.Address, "latest");

        var hashes = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => probe.SubmitAsync(tm, "increment", 0, 100_000)));
        var receipts = await tm.WaitForReceiptsAsync(hashes);

        Assert.That(receipts.All(r => r.Succeeded), Is.True);
        Assert.That(await probe.CallAsync<BigInteger>("count"), Is.EqualTo(new BigInteger(200)));
        var nonces = await _node.Rpc.BatchAsync([.. hashes.Select(h => new RpcRequest("eth_getTransactionByHash", h))]);
        var used = nonces.Select(n => Hex.HexConvert.ParseQuantity(n.GetResultOrThrow().GetProperty("nonce").GetString()!)).Order().ToList();
        Assert.That(used, Is.EqualTo(Enumerable.Range(0, 200).Select(i => firstNonce + i)));
    }

    [Test]
    public async Task A_batch_of_signed_transactions_lands_in_one_block_when_the_node_has_a_mempool()
    {
        var (probe, tm) = await DeployFromFreshKeyAsync();
        var call = new TransactionInput(probe.Address, probe.EncodeCall("increment"), 0, 100_000);
        await _node.SetAutomineAsync(false);
        IReadOnlyList<SubmittedTransaction> submitted;
        try
        {
            submitted = await tm.SendBatchAsync([.. Enumerable.Repeat(call, 120)], batchSize: 50);
            await _node.MineAsync();
        }
        finally
        {
            await _node.SetAutomineAsync(true);
        }
        Assert.That(submitted.Where(s => s.Error is not null), Is.Empty);
        var receipts = await tm.WaitForReceiptsAsync([.. submitted.Select(s => s.Hash)]);
        Assert.That(receipts.Select(r => r.BlockNumber).Distinct().Count(), Is.EqualTo(1));
        Assert.That(await probe.CallAsync<BigInteger>("count"), Is.EqualTo(new BigInteger(120)));
        await probe.SendAsync(tm, "increment", 0);
        Assert.That(await probe.CallAsync<BigInteger>("count"), Is.EqualTo(new BigInteger(121)), "the local nonce continues after a batch");
    }

    [Test]
    public async Task Sends_continue_after_another_wallet_used_the_same_account()
    {
        var key = await _node.NewFundedKeyAsync();
        var first = _node.NewTransactionManager(key);
        var second = _node.NewTransactionManager(key);
        var to = EthECKey.GenerateNew().Address;
        await first.SendAndWaitAsync(new TransactionInput(to, [], 1));
        await second.SendAndWaitAsync(new TransactionInput(to, [], 1));

        await first.SendAndWaitAsync(new TransactionInput(to, [], 1));
        Assert.That(await _node.Rpc.GetBalanceAsync(to), Is.EqualTo(new BigInteger(3)));
    }

    [Test]
    public async Task Value_transfers_and_payable_calls_move_exactly_the_wei_sent()
    {
        var (probe, tm) = await DeployFromFreshKeyAsync();
        var receiver = EthECKey.GenerateNew().Address;
        await tm.SendAndWaitAsync(new TransactionInput(receiver, [], 12345));
        Assert.That(await _node.Rpc.GetBalanceAsync(receiver), Is.EqualTo(new BigInteger(12345)));

        var receipt = await probe.SendAsync(tm, "deposit", BigInteger.Pow(10, 18));
        Assert.That(probe.DecodeLogs(receipt).Single().Args["amount"], Is.EqualTo(BigInteger.Pow(10, 18)));
        Assert.That(await _node.Rpc.GetBalanceAsync(probe.Address), Is.EqualTo(BigInteger.Pow(10, 18)));
    }

    [Test]
    public async Task A_chain_without_base_fee_gets_legacy_transactions()
    {
        var snapshot = await _node.SnapshotAsync();
        try
        {
            await _node.Rpc.RequestAsync<object>("hardhat_setNextBlockBaseFeePerGas", "0x0");
            await _node.MineAsync();
            await _node.Rpc.RequestAsync<object>("hardhat_setNextBlockBaseFeePerGas", "0x0");
            var tm = _node.NewTransactionManager(await _node.NewFundedKeyAsync());
            var hash = await tm.SendTransactionAsync(new TransactionInput(EthECKey.GenerateNew().Address, [], 1, 21_000));
            await tm.WaitForReceiptAsync(hash);
            Assert.That((await _node.Rpc.GetTransactionByHashAsync(hash))!.Type, Is.EqualTo(0));
        }
        finally
        {
            await _node.RevertAsync(snapshot);
        }
    }

    [Test]
    public async Task A_transaction_manager_refuses_to_sign_for_an_unexpected_chain()
    {
        var tm = new TransactionManager(_node.Rpc, _node.Accounts[1], new TransactionManagerOptions { ExpectedChainId = 1 });
        var e = Assert.ThrowsAsync<WrongChainException>(() => tm.SendTransactionAsync(new TransactionInput(_node.Accounts[2].Address, [], 1)));
        Assert.That(e!.Message, Does.Contain("chain 31337").And.Contain("expected chain 1"));

        var raw = new LegacyTransaction(0, 10_000_000_000, 21_000, _node.Accounts[2].Address, 1, []).Sign(await _node.NewFundedKeyAsync(), 1);
        Assert.ThrowsAsync<RpcException>(() => _node.Rpc.SendRawTransactionAsync(raw));
    }

    [Test]
    public async Task Chain_time_moves_with_increase_time_and_snapshots_restore_state()
    {
        var before = await _node.LatestTimestampAsync();
        await _node.IncreaseTimeAsync(3600);
        Assert.That(await _node.LatestTimestampAsync(), Is.GreaterThanOrEqualTo(before + 3600));

        var (probe, tm) = await DeployFromFreshKeyAsync();
        var snapshot = await _node.SnapshotAsync();
        await probe.SendAsync(tm, "increment", 0);
        Assert.That(await probe.CallAsync<BigInteger>("count"), Is.EqualTo(BigInteger.One));
        Assert.That(await _node.RevertAsync(snapshot), Is.True);
        await tm.ResetNonceAsync();
        Assert.That(await probe.CallAsync<BigInteger>("count"), Is.EqualTo(BigInteger.Zero));
    }

    [Test]
    public async Task The_market_deploys_with_the_repository_deploy_script()
    {
        var file = await MarketDeployment.DeployAsync(_node, operatorAddress: _node.Accounts[1].Address);
        using var record = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var trade = record.RootElement.GetProperty("contracts").GetProperty("EnergyTrade").GetProperty("address").GetString()!;
        Assert.That(await _node.Rpc.GetCodeAsync(trade), Is.Not.Empty);
    }
}
