using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Hex;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace EnergyAuction.Chain.Services;

/// <summary>What every typed contract service shares: the contract's address and custom errors, the sender
/// (null = read-only), calls and sends of generated function messages with reverts mapped to
/// <see cref="ContractRevertException"/>, and typed event queries onto Chain's event records.</summary>
public abstract class ContractService
{
    protected ContractService(ChainRpcClient rpc, ContractErrors errors, string address, TransactionSender? transactions)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        Errors = errors;
        Address = ChainAddress.IsValid(address) ? ChainAddress.ToChecksum(address) : throw new ArgumentException($"'{address}' is not a valid address", nameof(address));
        Transactions = transactions;
    }

    public ChainRpcClient Rpc { get; }

    public string Address { get; }

    /// <summary>The contract's custom errors, for naming its reverts.</summary>
    public ContractErrors Errors { get; }

    /// <summary>Who sends this service's transactions; null when the service was built without a key.</summary>
    public TransactionSender? Transactions { get; }

    /// <summary>Typed logs of one event between two blocks (inclusive; null = latest), optionally filtered by the
    /// event's indexed fields in order (null = any).</summary>
    public Task<IReadOnlyList<Events.EventLog<TEvent>>> GetEventsAsync<TEvent>(ulong fromBlock = 0, ulong? toBlock = null, params object?[] indexedFilter) =>
        GetEventsAsync<TEvent>(fromBlock, toBlock, indexedFilter, CancellationToken.None);

    public async Task<IReadOnlyList<Events.EventLog<TEvent>>> GetEventsAsync<TEvent>(ulong fromBlock, ulong? toBlock, object?[] indexedFilter, CancellationToken ct)
    {
        var binding = EventMap.For<TEvent>();
        List<IReadOnlyList<string>?> topics = [[binding.Topic]];
        for (var i = 0; i < indexedFilter.Length; i++)
            topics.Add(indexedFilter[i] is { } value ? [binding.IndexedTopic(i, value)] : null);
        var logs = await Rpc.GetLogsAsync(new LogFilter([Address], topics, fromBlock, toBlock), ct).ConfigureAwait(false);
        return [.. logs.Where(l => !l.Removed && binding.Matches(l))
            .Select(l => new Events.EventLog<TEvent>(binding.DecodeLog<TEvent>(l), l.BlockNumber, l.TransactionHash, l.LogIndex))];
    }

    /// <summary>This contract's events of one type in a receipt, in log order (other contracts' logs are skipped).</summary>
    public IReadOnlyList<TEvent> DecodeEvents<TEvent>(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var binding = EventMap.For<TEvent>();
        return [.. receipt.Logs.Where(l => ChainAddress.AreEqual(l.Address, Address) && binding.Matches(l)).Select(binding.DecodeLog<TEvent>)];
    }

    /// <summary>The one event of a type a receipt must hold (e.g. the id-bearing event of a submit).</summary>
    protected TEvent Single<TEvent>(TransactionReceipt receipt)
    {
        var events = DecodeEvents<TEvent>(receipt);
        return events.Count == 1
            ? events[0]
            : throw new InvalidOperationException($"expected one {typeof(TEvent).Name} from {Errors.ContractName} in {receipt.TransactionHash}, found {events.Count}");
    }

    /// <summary>The transaction a function message makes (value from AmountToSend, gas from Gas when set), for
    /// batched submission through <see cref="TransactionSender.SendBatchAsync"/>.</summary>
    protected TransactionInput Input<TFunction>(TFunction message) where TFunction : FunctionMessage, new() =>
        new(Address, message.GetCallData(), message.AmountToSend, message.Gas);

    protected Task<TransactionReceipt> SendAsync<TFunction>(TFunction message, CancellationToken ct) where TFunction : FunctionMessage, new() =>
        Sender(typeof(TFunction)).SendAndWaitAsync(Input(message), Errors, ct);

    /// <summary>eth_call of a function with one simple output (integer, address, bool, bytes).</summary>
    protected async Task<T> CallAsync<TFunction, T>(TFunction message, CancellationToken ct) where TFunction : FunctionMessage, new() =>
        new FunctionBuilder<TFunction>(Address).DecodeTypeOutput<T>(HexConvert.ToHex(await RawCallAsync(message, ct).ConfigureAwait(false)));

    /// <summary>eth_call of a function whose outputs are a generated output DTO.</summary>
    protected async Task<TOutput> CallDtoAsync<TFunction, TOutput>(TFunction message, CancellationToken ct)
        where TFunction : FunctionMessage, new() where TOutput : IFunctionOutputDTO, new() =>
        new FunctionBuilder<TFunction>(Address).DecodeDTOTypeOutput<TOutput>(HexConvert.ToHex(await RawCallAsync(message, ct).ConfigureAwait(false)));

    /// <summary>Calls per JSON-RPC batch in <see cref="BatchCallAsync"/>: large enough to amortise the round trip,
    /// small enough for a node's request limit.</summary>
    public const int CallsPerBatch = 500;

    /// <summary>Many eth_calls of one function, <paramref name="callsPerBatch"/> to a JSON-RPC batch, every batch sent at once
    /// (the node works on the next while the answers of the last are decoded); answers in the order of the calls.
    /// Heavy calls (pages of a view) go one to a request: a node answers a batch call after call, while separate
    /// requests let it run calls side by side and each answer is decoded as soon as it arrives.</summary>
    protected Task<IReadOnlyList<TOutput>> BatchCallAsync<TFunction, TOutput>(IReadOnlyList<TFunction> calls, Func<string, TOutput> decode,
        CancellationToken ct, int callsPerBatch = CallsPerBatch) where TFunction : FunctionMessage, new() =>
        BatchCallAsync(Address, calls, decode, ct, callsPerBatch);

    /// <summary>As above, to the contract at <paramref name="to"/> (e.g. a reader the contract created).</summary>
    protected async Task<IReadOnlyList<TOutput>> BatchCallAsync<TFunction, TOutput>(string to, IReadOnlyList<TFunction> calls,
        Func<string, TOutput> decode, CancellationToken ct, int callsPerBatch = CallsPerBatch) where TFunction : FunctionMessage, new()
    {
        var batches = await Task.WhenAll(calls.Chunk(callsPerBatch).Select(async chunk =>
        {
            var requests = chunk.Select(c => new RpcRequest("eth_call",
                new Dictionary<string, string> { ["to"] = to, ["data"] = HexConvert.ToHex(c.GetCallData()) }, "latest")).ToList();
            try
            {
                return (await Rpc.BatchAsync(requests, ct).ConfigureAwait(false)).Select(r => decode(r.GetResultOrThrow().GetString()!)).ToList();
            }
            catch (RpcException e) when (TransactionSender.RevertOf(e, Errors) is { } revert)
            {
                throw revert;
            }
        })).ConfigureAwait(false);
        return [.. batches.SelectMany(b => b)];
    }

    private async Task<byte[]> RawCallAsync<TFunction>(TFunction message, CancellationToken ct) where TFunction : FunctionMessage, new()
    {
        try
        {
            return await Rpc.CallAsync(new CallInput(Address, message.GetCallData(), message.FromAddress), "latest", ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (TransactionSender.RevertOf(e, Errors) is { } revert)
        {
            throw revert;
        }
    }

    private TransactionSender Sender(Type function) => Transactions
        ?? throw new InvalidOperationException($"{Errors.ContractName}.{FunctionName(function)} sends a transaction, but this connection has no key (read-only)");

    private static string FunctionName(Type function) =>
        function.BaseType?.GetCustomAttributes(typeof(FunctionAttribute), false).OfType<FunctionAttribute>().FirstOrDefault()?.Name ?? function.Name;
}
