using System.Numerics;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Deployment;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Services;
using EnergyAuction.Chain.Transactions;
using EnergyAuction.Devnet;

namespace EnergyAuction.Chain.Tests;

/// <summary>Against a real Hardhat node, signing only with fresh keys (never an unlocked account): the market deploys
/// from its compiled bytecode, reverts read as named errors however they surface, the ordered sender pipelines
/// transactions, survives a stale nonce, signs legacy on a zero-base-fee chain and refuses a wrong chain.</summary>
[NonParallelizable]
public class LiveNodeTests
{
    private HardhatNode _node = null!;
    private MarketDeploymentRecord _market = null!;
    private TransactionSender _deployer = null!;

    [OneTimeSetUp]
    public async Task StartNodeAndDeploy()
    {
        _node = await HardhatNode.StartAsync();
        _deployer = _node.NewTransactionSender(await _node.NewFundedKeyAsync());
        _market = await MarketDeployer.DeployAsync(_deployer, "localhost", new MarketDeploymentOptions
        {
            OperatorAddress = _node.Accounts[1].Address, RegistrarAddress = _node.Accounts[2].Address, FeeRecipientAddress = _node.Accounts[3].Address,
        });
    }

    [OneTimeTearDown]
    public async Task StopNode() => await _node.DisposeAsync();

    [Test]
    public async Task The_market_deploys_from_its_compiled_bytecode_with_a_locally_signed_key_and_is_wired_like_deploy_js()
    {
        Assert.That(await _node.Rpc.GetCodeAsync(_market.EnergyTrade), Is.Not.Empty);
        var trade = new EnergyTradeService(_node.Rpc, _market.EnergyTrade);
        Assert.That(await trade.OracleClientAsync(), Is.EqualTo(_market.EnergyOracleClient));
        Assert.That(await trade.DataAccessAsync(), Is.EqualTo(_market.DataAccess));
        Assert.That(await trade.HasRoleAsync(EnergyTradeService.OperatorRole, _node.Accounts[1].Address), Is.True);
        var registry = new DataAccessService(_node.Rpc, _market.DataAccess);
        Assert.That(await registry.HasRoleAsync(DataAccessService.RegistrarRole, _node.Accounts[2].Address), Is.True);
        Assert.That(await registry.HasRoleAsync(DataAccessService.RegistrarRole, _node.Accounts[1].Address), Is.False, "the operator registers no meters");
        Assert.That(await trade.FeeRecipientAsync(), Is.EqualTo(_node.Accounts[3].Address));
        Assert.That(_market.Registrar, Is.EqualTo(_node.Accounts[2].Address));
        Assert.That(await new OracleOperatorService(_node.Rpc, _market.Operator).IsAuthorizedSenderAsync(_deployer.Address), Is.True);
        Assert.That(await new LinkTokenService(_node.Rpc, _market.LinkToken).BalanceOfAsync(_market.EnergyOracleClient), Is.EqualTo(BigInteger.Pow(10, 21)));
        Assert.That(MarketDeploymentRecord.Parse(_market.ToJson()), Is.EqualTo(_market).Using<MarketDeploymentRecord>(SameRecord));
    }

    [Test]
    public async Task A_custom_error_reads_as_its_name_and_arguments_from_an_estimate_a_send_and_a_failed_receipt()
    {
        var sender = _node.NewTransactionSender(await _node.NewFundedKeyAsync());
        var trade = new EnergyTradeService(_node.Rpc, _market.EnergyTrade, sender);

        var estimated = Assert.ThrowsAsync<ContractRevertException>(() => trade.CancelOrderAsync(999));
        Assert.That(estimated!.Message, Is.EqualTo("EnergyTrade reverted: UnknownOrder(999)"));

        // A fixed gas limit skips estimation; automining Hardhat reports the revert in the send itself.
        var input = trade.SubmitBidInput(999, "M-1", 1_000, 1_000_000_000, 0, 300_000);
        var onSend = Assert.ThrowsAsync<ContractRevertException>(() => sender.SendAndWaitAsync(input, trade.Errors));
        Assert.That(onSend!.ErrorName, Is.EqualTo("UnknownWindow"));
        Assert.That(onSend.TransactionHash, Is.Not.Null);

        // Nodes that mine later (Besu, anvil with interval blocks) only give a failed receipt; the revert comes from replaying it.
        await _node.SetAutomineAsync(false);
        try
        {
            var hash = await sender.SendTransactionAsync(input, trade.Errors);
            await _node.MineAsync();
            var receipt = await sender.WaitForReceiptAsync(hash);
            Assert.That(receipt.Succeeded, Is.False);
            var mined = Assert.ThrowsAsync<ContractRevertException>(() => sender.ThrowIfRevertedAsync(receipt, input, trade.Errors));
            Assert.That(mined!.ErrorName, Is.EqualTo("UnknownWindow"));
            Assert.That(mined.Arguments, Is.EqualTo(new object[] { new BigInteger(999) }));
            Assert.That(mined.TransactionHash, Is.EqualTo(hash));
        }
        finally
        {
            await _node.SetAutomineAsync(true);
        }

        var stranger = new EnergyTradeService(_node.Rpc, _market.EnergyTrade, _node.NewTransactionSender(await _node.NewFundedKeyAsync()));
        var notOperator = Assert.ThrowsAsync<ContractRevertException>(() => stranger.OpenWindowAsync(WindowParams.ForTests()));
        Assert.That(notOperator!.ErrorName, Is.EqualTo("AccessControlUnauthorizedAccount"));
        Assert.That(notOperator.Arguments[0], Is.EqualTo(stranger.Transactions!.Address), "addresses in errors are checksummed");
    }

    [Test]
    public async Task Two_hundred_pipelined_transactions_from_one_account_all_land_with_consecutive_nonces()
    {
        var sender = _node.NewTransactionSender(await _node.NewFundedKeyAsync());
        var receiver = AccountKey.GenerateNew().Address;
        var firstNonce = await _node.Rpc.GetTransactionCountAsync(sender.Address, "latest");

        var hashes = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => sender.SendTransactionAsync(new TransactionInput(receiver, [], 1, 21_000))));
        var receipts = await sender.WaitForReceiptsAsync(hashes);

        Assert.That(receipts.All(r => r.Succeeded), Is.True);
        Assert.That(await _node.Rpc.GetBalanceAsync(receiver), Is.EqualTo(new BigInteger(200)));
        var nonces = await _node.Rpc.BatchAsync([.. hashes.Select(h => new RpcRequest("eth_getTransactionByHash", h))]);
        var used = nonces.Select(n => HexConvert.ParseQuantity(n.GetResultOrThrow().GetProperty("nonce").GetString()!)).Order().ToList();
        Assert.That(used, Is.EqualTo(Enumerable.Range(0, 200).Select(i => firstNonce + i)));
    }

    [Test]
    public async Task A_batch_of_signed_transactions_lands_in_one_block_when_the_node_has_a_mempool()
    {
        var sender = _node.NewTransactionSender(await _node.NewFundedKeyAsync());
        var receiver = AccountKey.GenerateNew().Address;
        await _node.SetAutomineAsync(false);
        IReadOnlyList<SubmittedTransaction> submitted;
        try
        {
            submitted = await sender.SendBatchAsync([.. Enumerable.Repeat(new TransactionInput(receiver, [], 1, 21_000), 120)], batchSize: 50);
            await _node.MineAsync();
        }
        finally
        {
            await _node.SetAutomineAsync(true);
        }
        Assert.That(submitted.Where(s => s.Error is not null), Is.Empty);
        var receipts = await sender.WaitForReceiptsAsync([.. submitted.Select(s => s.Hash)]);
        Assert.That(receipts.Select(r => r.BlockNumber).Distinct().Count(), Is.EqualTo(1));
        await sender.SendAndWaitAsync(new TransactionInput(receiver, [], 1));
        Assert.That(await _node.Rpc.GetBalanceAsync(receiver), Is.EqualTo(new BigInteger(121)), "the local nonce continues after a batch");
    }

    [Test]
    public async Task Within_a_gas_limit_a_transaction_above_it_is_refused_unsigned_while_other_callers_and_later_sends_are_not_limited()
    {
        var sender = _node.NewTransactionSender(await _node.NewFundedKeyAsync());
        var to = AccountKey.GenerateNew().Address;
        var nonce = await _node.Rpc.GetTransactionCountAsync(sender.Address, "pending");
        var plainTransfer = await sender.EstimateGasAsync(new TransactionInput(to, [], 1));
        // Another caller sharing the sender, started before the limit (like the daemon's other services), is not limited.
        var gate = new TaskCompletionSource();
        var elsewhere = Task.Run(async () =>
        {
            await gate.Task;
            return await sender.SendAndWaitAsync(new TransactionInput(to, [], 1));
        });
        using (sender.LimitGas(plainTransfer - 1))
        {
            var refused = Assert.ThrowsAsync<GasBudgetExceededException>(() => sender.SendAndWaitAsync(new TransactionInput(to, [], 1)));
            Assert.That(refused!.Gas, Is.EqualTo(plainTransfer));
            Assert.That(refused.Budget, Is.EqualTo(plainTransfer - 1));
            Assert.That(await _node.Rpc.GetTransactionCountAsync(sender.Address, "pending"), Is.EqualTo(nonce), "nothing signed, no nonce spent");
            gate.SetResult();
            Assert.That((await elsewhere).Succeeded, Is.True);
        }
        using (sender.LimitGas(plainTransfer)) await sender.SendAndWaitAsync(new TransactionInput(to, [], 1));
        await sender.SendAndWaitAsync(new TransactionInput(to, [], 1));
        Assert.That(await _node.Rpc.GetBalanceAsync(to), Is.EqualTo(new BigInteger(3)), "the other caller, a send at the limit, and one after the scope");
    }

    [Test]
    public async Task Sends_continue_after_another_wallet_used_the_same_account()
    {
        var key = await _node.NewFundedKeyAsync();
        var first = _node.NewTransactionSender(key);
        var second = _node.NewTransactionSender(key);
        var to = AccountKey.GenerateNew().Address;
        await first.SendAndWaitAsync(new TransactionInput(to, [], 1));
        await second.SendAndWaitAsync(new TransactionInput(to, [], 1));

        await first.SendAndWaitAsync(new TransactionInput(to, [], 1));
        Assert.That(await _node.Rpc.GetBalanceAsync(to), Is.EqualTo(new BigInteger(3)));
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
            var sender = _node.NewTransactionSender(await _node.NewFundedKeyAsync());
            var hash = await sender.SendTransactionAsync(new TransactionInput(AccountKey.GenerateNew().Address, [], 1, 21_000));
            await sender.WaitForReceiptAsync(hash);
            Assert.That((await _node.Rpc.GetTransactionByHashAsync(hash))!.Type, Is.EqualTo(0));
        }
        finally
        {
            await _node.RevertAsync(snapshot);
        }
    }

    [Test]
    public async Task The_sender_refuses_to_sign_for_an_unexpected_chain_and_the_node_refuses_another_chains_signature()
    {
        var sender = new TransactionSender(_node.Rpc, _node.Accounts[1], new TransactionSenderOptions { ExpectedChainId = 1 });
        var e = Assert.ThrowsAsync<WrongChainException>(() => sender.SendTransactionAsync(new TransactionInput(_node.Accounts[2].Address, [], 1)));
        Assert.That(e!.Message, Does.Contain("chain 31337").And.Contain("expected chain 1"));

        var raw = RawTransactions.Legacy(await _node.NewFundedKeyAsync(), 1, 0, 10_000_000_000, 21_000, _node.Accounts[2].Address, 1, []);
        Assert.ThrowsAsync<RpcException>(() => _node.Rpc.SendRawTransactionAsync(raw));
    }

    private static bool SameRecord(MarketDeploymentRecord a, MarketDeploymentRecord b) =>
        a with { JobId = [] } == b with { JobId = [] } && a.JobId.SequenceEqual(b.JobId);
}
