using System.Numerics;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;

namespace EnergyAuction.Chain.Transactions;

/// <summary>Signs and submits transactions from one account: local nonce tracking so many can be in flight,
/// gas estimation with a margin, EIP-1559 or legacy fees, receipt waiting, and revert decoding.</summary>
public sealed class TransactionSender
{
    private readonly TransactionSenderOptions _options;
    private readonly FeeEstimator _fees;
    private readonly SemaphoreSlim _nonceLock = new(1, 1);
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private readonly AsyncLocal<BigInteger?> _gasBudget = new();
    private BigInteger? _chainId;
    private BigInteger? _nextNonce;

    public TransactionSender(ChainRpcClient rpc, AccountKey key, TransactionSenderOptions? options = null)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        Key = key ?? throw new ArgumentNullException(nameof(key));
        _options = options ?? new TransactionSenderOptions();
        _fees = new FeeEstimator(rpc, _options);
    }

    public ChainRpcClient Rpc { get; }

    public AccountKey Key { get; }

    public string Address => Key.Address;

    /// <summary>Percent added to eth_estimateGas for a transaction's gas limit.</summary>
    public int GasMarginPercent => _options.GasMarginPercent;

    /// <summary>Until the returned scope is disposed, sends from this asynchronous flow (and tasks it starts meanwhile;
    /// other callers sharing the sender are not limited) refuse a transaction whose gas limit exceeds
    /// <paramref name="budget"/> with <see cref="GasBudgetExceededException"/> before signing it, so no nonce is used.</summary>
    public IDisposable LimitGas(BigInteger budget)
    {
        var outer = _gasBudget.Value;
        _gasBudget.Value = budget;
        return new GasBudgetScope(this, outer);
    }

    /// <summary>The node's chain id, checked once against <see cref="TransactionSenderOptions.ExpectedChainId"/>.</summary>
    public async Task<BigInteger> GetChainIdAsync(CancellationToken ct = default)
    {
        if (_chainId is { } known) return known;
        await _initLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_chainId is null)
            {
                var actual = await Rpc.ChainIdAsync(ct).ConfigureAwait(false);
                if (_options.ExpectedChainId is { } expected && expected != actual)
                    throw new WrongChainException(Rpc.Endpoint, actual, expected);
                _chainId = actual;
            }
            return _chainId.Value;
        }
        finally
        {
            _initLock.Release();
        }
    }

    /// <summary>eth_estimateGas plus the configured margin; a revert is thrown as <see cref="ContractRevertException"/>.
    /// Within <see cref="LimitGas"/> the limit is the estimate's allowance, and when the node cannot estimate but the
    /// call succeeds with the whole limit, the limit is the answer.</summary>
    public async Task<BigInteger> EstimateGasAsync(TransactionInput input, ContractErrors? errors = null, CancellationToken ct = default)
    {
        try
        {
            var estimate = await Rpc.EstimateGasAsync(new CallInput(input.To, input.Data, Address, input.Value, _gasBudget.Value), ct).ConfigureAwait(false);
            return estimate * (100 + _options.GasMarginPercent) / 100;
        }
        catch (RpcException e) when (RevertOf(e, errors) is { } revert)
        {
            throw revert;
        }
        catch (RpcException) when (_gasBudget.Value is { } budget)
        {
            // Hardhat's estimate searches up to its block gas limit even past the 2^24 per-transaction cap and fails
            // on the cap; a call that succeeds with the whole limit is sent with it, else the estimate's error stands.
            if (!await SucceedsWithinAsync(input, budget, ct).ConfigureAwait(false)) throw;
            return budget;
        }
    }

    private async Task<bool> SucceedsWithinAsync(TransactionInput input, BigInteger gas, CancellationToken ct)
    {
        try
        {
            await Rpc.CallAsync(new CallInput(input.To, input.Data, Address, input.Value, gas), "pending", ct).ConfigureAwait(false);
            return true;
        }
        catch (RpcException)
        {
            return false;
        }
    }

    /// <summary>Signs with the next nonce and submits; returns the transaction hash without waiting for mining.
    /// Safe to call concurrently: nonces are handed out in call order with no gaps.</summary>
    public async Task<string> SendTransactionAsync(TransactionInput input, ContractErrors? errors = null, CancellationToken ct = default)
    {
        var chainId = await GetChainIdAsync(ct).ConfigureAwait(false);
        var gas = input.Gas ?? await EstimateGasAsync(input, errors, ct).ConfigureAwait(false);
        if (_gasBudget.Value is { } budget && gas > budget) throw new GasBudgetExceededException(gas, budget);
        var fees = await _fees.CurrentAsync(ct).ConfigureAwait(false);
        // Sending under the lock keeps nonces arriving in order: nodes that mine on arrival (Hardhat automine)
        // reject a nonce ahead of the account's next one.
        await _nonceLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var nonce = _nextNonce ?? await Rpc.GetTransactionCountAsync(Address, "pending", ct).ConfigureAwait(false);
                var raw = Sign(input with { Gas = gas }, nonce, fees, chainId);
                try
                {
                    var hash = await Rpc.SendRawTransactionAsync(raw, ct).ConfigureAwait(false);
                    _nextNonce = nonce + 1;
                    return hash;
                }
                catch (RpcException e) when (RevertOf(e, errors, HexConvert.ToHex(Keccak256.Hash(raw))) is { } revert)
                {
                    // Automining dev nodes (Hardhat) mine the transaction and report its revert in the send itself.
                    _nextNonce = nonce + 1;
                    throw revert;
                }
                catch (RpcException e) when (attempt == 0 && e.RpcMessage.Contains("nonce", StringComparison.OrdinalIgnoreCase))
                {
                    // The node refused the nonce (someone else sent from this account): the outcome is known,
                    // so resynchronise and sign again once.
                    _nextNonce = null;
                }
                catch
                {
                    // The node's view of the nonce is the truth after any failed send.
                    _nextNonce = null;
                    throw;
                }
            }
        }
        finally
        {
            _nonceLock.Release();
        }
    }

    /// <summary>Pipelined submission: signs the transactions with consecutive nonces and submits them in JSON-RPC
    /// batches (one HTTP round trip per <paramref name="batchSize"/>), in order. Gas must be given for each
    /// (estimates would run against state the earlier transactions have not changed yet). Each result carries
    /// the hash or the node's error; after an error the local nonce is resynchronised from the node.</summary>
    public async Task<IReadOnlyList<SubmittedTransaction>> SendBatchAsync(IReadOnlyList<TransactionInput> inputs, int batchSize = 100, CancellationToken ct = default)
    {
        if (inputs.Any(i => i.Gas is null)) throw new ArgumentException("every transaction in a batch needs a fixed Gas limit", nameof(inputs));
        var chainId = await GetChainIdAsync(ct).ConfigureAwait(false);
        var fees = await _fees.CurrentAsync(ct).ConfigureAwait(false);
        var results = new List<SubmittedTransaction>(inputs.Count);
        await _nonceLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var nonce = _nextNonce ?? await Rpc.GetTransactionCountAsync(Address, "pending", ct).ConfigureAwait(false);
            foreach (var chunk in inputs.Chunk(batchSize))
            {
                var raws = chunk.Select((input, i) => Sign(input, nonce + i, fees, chainId)).ToList();
                IReadOnlyList<RpcResponse> answers;
                try
                {
                    answers = await Rpc.BatchAsync([.. raws.Select(r => new RpcRequest("eth_sendRawTransaction", HexConvert.ToHex(r)))], ct).ConfigureAwait(false);
                }
                catch
                {
                    _nextNonce = null;
                    throw;
                }
                for (var i = 0; i < chunk.Length; i++)
                {
                    var hash = HexConvert.ToHex(Keccak256.Hash(raws[i]));
                    results.Add(answers[i].Error is { } error
                        ? new SubmittedTransaction(hash, RevertOf(error, null, hash) ?? (Exception)error)
                        : new SubmittedTransaction(hash, null));
                }
                nonce += chunk.Length;
                if (results.Any(r => r.Error is not null))
                {
                    _nextNonce = null;
                    return results;
                }
            }
            _nextNonce = nonce;
            return results;
        }
        finally
        {
            _nonceLock.Release();
        }
    }

    /// <summary>Sends and waits for the receipt; a reverted transaction throws <see cref="ContractRevertException"/>
    /// decoded against the ABI (the call is replayed with eth_call at the failing block to get the revert data).</summary>
    public async Task<TransactionReceipt> SendAndWaitAsync(TransactionInput input, ContractErrors? errors = null, CancellationToken ct = default)
    {
        var hash = await SendTransactionAsync(input, errors, ct).ConfigureAwait(false);
        var receipt = await WaitForReceiptAsync(hash, ct).ConfigureAwait(false);
        await ThrowIfRevertedAsync(receipt, input, errors, ct).ConfigureAwait(false);
        return receipt;
    }

    /// <summary>Submits many transactions back to back, then waits for all receipts (batched polling). Receipts are
    /// returned in input order, reverted ones included (check <see cref="TransactionReceipt.Succeeded"/>).</summary>
    public async Task<IReadOnlyList<TransactionReceipt>> SendManyAsync(IEnumerable<TransactionInput> inputs, ContractErrors? errors = null, CancellationToken ct = default)
    {
        var hashes = new List<string>();
        foreach (var input in inputs) hashes.Add(await SendTransactionAsync(input, errors, ct).ConfigureAwait(false));
        return await WaitForReceiptsAsync(hashes, ct).ConfigureAwait(false);
    }

    public async Task<TransactionReceipt> WaitForReceiptAsync(string transactionHash, CancellationToken ct = default) =>
        (await WaitForReceiptsAsync([transactionHash], ct).ConfigureAwait(false))[0];

    /// <summary>Polls until every transaction is mined, or throws <see cref="TimeoutException"/> naming the missing ones.</summary>
    public async Task<IReadOnlyList<TransactionReceipt>> WaitForReceiptsAsync(IReadOnlyList<string> transactionHashes, CancellationToken ct = default)
    {
        var receipts = new Dictionary<string, TransactionReceipt>(StringComparer.OrdinalIgnoreCase);
        var deadline = DateTime.UtcNow + _options.ReceiptTimeout;
        const int batchSize = 100;
        while (true)
        {
            var missing = transactionHashes.Where(h => !receipts.ContainsKey(h)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var chunk in missing.Chunk(batchSize))
            {
                var answers = await Rpc.BatchAsync([.. chunk.Select(h => new RpcRequest("eth_getTransactionReceipt", h))], ct).ConfigureAwait(false);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var result = answers[i].GetResultOrThrow();
                    if (result.ValueKind != System.Text.Json.JsonValueKind.Null) receipts[chunk[i]] = TransactionReceipt.FromJson(result);
                }
            }
            if (transactionHashes.All(receipts.ContainsKey))
                return [.. transactionHashes.Select(h => receipts[h])];
            if (DateTime.UtcNow > deadline)
            {
                var pending = transactionHashes.Where(h => !receipts.ContainsKey(h)).ToList();
                throw new TimeoutException($"{pending.Count} transaction(s) not mined within {_options.ReceiptTimeout.TotalSeconds:0}s, e.g. {pending[0]}");
            }
            await Task.Delay(_options.ReceiptPollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Forgets the local nonce so the next send asks the node (after transactions were dropped or sent elsewhere).</summary>
    public async Task ResetNonceAsync(CancellationToken ct = default)
    {
        await _nonceLock.WaitAsync(ct).ConfigureAwait(false);
        _nextNonce = null;
        _nonceLock.Release();
    }

    /// <summary>Throws the decoded revert of a failed receipt by replaying the call on the state of the block it
    /// failed in (which includes anything mined before it in that block).</summary>
    public async Task ThrowIfRevertedAsync(TransactionReceipt receipt, TransactionInput input, ContractErrors? errors, CancellationToken ct = default)
    {
        if (receipt.Succeeded) return;
        try
        {
            await Rpc.CallAsync(new CallInput(input.To, input.Data, Address, input.Value, input.Gas),
                HexConvert.ToQuantity(receipt.BlockNumber), ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (RevertOf(e, errors, receipt.TransactionHash) is { } revert)
        {
            throw revert;
        }
        throw new ContractRevertException("Revert", [], null, errors?.ContractName ?? "contract", null, receipt.TransactionHash);
    }

    private byte[] Sign(TransactionInput input, BigInteger nonce, Fees fees, BigInteger chainId) => fees.IsLegacy
        ? RawTransactions.Legacy(Key, chainId, nonce, fees.GasPrice, input.Gas!.Value, input.To, input.Value, input.Data)
        : RawTransactions.Eip1559(Key, chainId, nonce, fees.MaxPriorityFeePerGas, fees.MaxFeePerGas, input.Gas!.Value, input.To, input.Value, input.Data);

    internal static ContractRevertException? RevertOf(RpcException e, ContractErrors? errors, string? transactionHash = null)
    {
        if (e.RevertData is { } data) return ContractRevertException.FromRevertData(data, errors, transactionHash);
        return e.RpcMessage.Contains("revert", StringComparison.OrdinalIgnoreCase)
            ? ContractRevertException.FromRevertData([], errors, transactionHash)
            : null;
    }

    private sealed class GasBudgetScope(TransactionSender sender, BigInteger? outer) : IDisposable
    {
        public void Dispose() => sender._gasBudget.Value = outer;
    }
}
