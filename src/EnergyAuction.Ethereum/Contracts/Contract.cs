using System.Numerics;
using EnergyAuction.Ethereum.Abi;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Hex;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Ethereum.Contracts;

/// <summary>A deployed contract driven by its ABI: calls, sends, event queries and log decoding, with reverts
/// decoded against the contract's custom errors.</summary>
public sealed class Contract
{
    public Contract(EthRpcClient rpc, ContractAbi abi, string address)
    {
        Rpc = rpc ?? throw new ArgumentNullException(nameof(rpc));
        Abi = abi ?? throw new ArgumentNullException(nameof(abi));
        Address = AddressUtil.IsValid(address) ? AddressUtil.ToChecksum(address) : throw new ArgumentException($"'{address}' is not a valid address", nameof(address));
    }

    public EthRpcClient Rpc { get; }

    public ContractAbi Abi { get; }

    public string Address { get; }

    public byte[] EncodeCall(string function, params object?[] args) => Abi.Function(function).EncodeCall(args);

    /// <summary>eth_call of a function; returns its outputs positionally.</summary>
    public Task<object?[]> CallAsync(string function, params object?[] args) => CallAsync(function, null, "latest", args);

    /// <summary>eth_call as a given sender (for msg.sender-dependent views) at a given block.</summary>
    public async Task<object?[]> CallAsync(string function, string? from, string block, object?[] args, CancellationToken ct = default)
    {
        var abi = Abi.Function(function);
        try
        {
            var output = await Rpc.CallAsync(new CallInput(Address, abi.EncodeCall(args), from), block, ct).ConfigureAwait(false);
            return abi.DecodeOutput(output);
        }
        catch (RpcException e) when (TransactionManager.RevertOf(e, Abi) is { } revert)
        {
            throw revert;
        }
    }

    /// <summary>eth_call mapped onto T: a single output converts directly (BigInteger, ulong, string, record for a
    /// struct…); several outputs fill T's constructor by position.</summary>
    public async Task<T> CallAsync<T>(string function, params object?[] args) =>
        AbiDecoder.MapTo<T>(await CallAsync(function, args).ConfigureAwait(false));

    /// <summary>Typed function message: a record whose constructor parameters are the function's arguments in order,
    /// named by [Function("name")] or by its type name (PlaceBidFunction -> placeBid).</summary>
    public Task<TResult> CallAsync<TFunction, TResult>(TFunction message) where TFunction : notnull =>
        CallAsync<TResult>(MessageNames.Function(typeof(TFunction)), Arguments(message));

    public Task<TransactionReceipt> SendAsync<TFunction>(TransactionManager tm, TFunction message, BigInteger value = default) where TFunction : notnull =>
        SendAsync(tm, MessageNames.Function(typeof(TFunction)), value, Arguments(message));

    /// <summary>Typed event DTOs, named by [Event("Name")] or by their type name (BidPlacedEvent -> BidPlaced).</summary>
    public Task<IReadOnlyList<TEvent>> GetEventsAsync<TEvent>(ulong fromBlock = 0, ulong? toBlock = null, params object?[] indexedFilter) =>
        GetEventsAsync<TEvent>(MessageNames.Event(typeof(TEvent)), fromBlock, toBlock, indexedFilter);

    public IReadOnlyList<TEvent> DecodeLogs<TEvent>(TransactionReceipt receipt) =>
        [.. DecodeLogs(receipt).Where(e => e.Name == MessageNames.Event(typeof(TEvent))).Select(e => e.As<TEvent>())];

    /// <summary>Sends a transaction calling the function and waits for its receipt; reverts throw decoded.</summary>
    public Task<TransactionReceipt> SendAsync(TransactionManager tm, string function, BigInteger value, params object?[] args) =>
        tm.SendAndWaitAsync(new TransactionInput(Address, EncodeCall(function, args), value), Abi);

    /// <summary>Submits without waiting (for pipelining many calls); returns the transaction hash.</summary>
    public Task<string> SubmitAsync(TransactionManager tm, string function, BigInteger value, BigInteger? gas, params object?[] args) =>
        tm.SendTransactionAsync(new TransactionInput(Address, EncodeCall(function, args), value, gas), Abi);

    /// <summary>Logs of one event between two blocks (inclusive; null = latest), optionally filtered by indexed
    /// fields given in order (null = any value).</summary>
    public async Task<IReadOnlyList<DecodedEvent>> GetEventsAsync(string eventName, ulong fromBlock = 0, ulong? toBlock = null,
        params object?[] indexedFilter)
    {
        var abi = Abi.Event(eventName);
        var indexed = abi.Inputs.Where(i => i.Indexed).ToList();
        if (indexedFilter.Length > indexed.Count)
            throw new ArgumentException($"{abi.Signature} has {indexed.Count} indexed fields, {indexedFilter.Length} filter values given");
        List<IReadOnlyList<string>?> topics = [[abi.TopicHex]];
        for (var i = 0; i < indexedFilter.Length; i++)
            topics.Add(indexedFilter[i] is null ? null : [EventAbi.EncodeTopic(indexed[i].Type, indexedFilter[i])]);
        var logs = await Rpc.GetLogsAsync(new LogFilter([Address], topics, fromBlock, toBlock)).ConfigureAwait(false);
        return [.. logs.Where(l => !l.Removed).Select(l => Decode(abi, l))];
    }

    /// <summary>Typed events: each mapped onto an event DTO record (see <see cref="DecodedEvent.As{T}"/>).</summary>
    public async Task<IReadOnlyList<T>> GetEventsAsync<T>(string eventName, ulong fromBlock = 0, ulong? toBlock = null, params object?[] indexedFilter) =>
        [.. (await GetEventsAsync(eventName, fromBlock, toBlock, indexedFilter).ConfigureAwait(false)).Select(e => e.As<T>())];

    /// <summary>This contract's events in a receipt, in log order; logs of other contracts or unknown events are skipped.</summary>
    public IReadOnlyList<DecodedEvent> DecodeLogs(TransactionReceipt receipt) =>
        [.. receipt.Logs
            .Where(l => AddressUtil.AreEqual(l.Address, Address) && l.Topics.Count > 0)
            .Select(l => (Log: l, Abi: Abi.EventByTopic(l.Topics[0])))
            .Where(x => x.Abi is not null)
            .Select(x => Decode(x.Abi!, x.Log))];

    /// <summary>Deploys the contract (bytecode ‖ encoded constructor args) and waits for it to be mined.</summary>
    public static async Task<Contract> DeployAsync(TransactionManager tm, ContractAbi abi, byte[] bytecode, params object?[] args)
    {
        var receipt = await tm.SendAndWaitAsync(new TransactionInput(null, abi.EncodeDeployment(bytecode, args)), abi).ConfigureAwait(false);
        var address = receipt.ContractAddress ?? throw new InvalidOperationException($"deploying {abi.ContractName} gave no contract address (tx {receipt.TransactionHash})");
        return new Contract(tm.Rpc, abi, address);
    }

    /// <summary>Deploys from the creation bytecode carried by a Hardhat artifact.</summary>
    public static Task<Contract> DeployAsync(TransactionManager tm, ContractAbi abi, params object?[] args) =>
        DeployAsync(tm, abi, abi.Bytecode ?? throw new InvalidOperationException($"{abi.ContractName}'s ABI has no bytecode (abstract contract or interface?)"), args);

    private object?[] Arguments<TFunction>(TFunction message) where TFunction : notnull
    {
        var function = Abi.Function(MessageNames.Function(typeof(TFunction)));
        return [.. AbiValues.ToTupleValues(message, function.Inputs.Count)];
    }

    private static DecodedEvent Decode(EventAbi abi, FilterLog log) =>
        new(abi.Name, abi.Decode(log.Topics, HexConvert.FromHex(log.Data)), log.BlockNumber, log.TransactionHash, log.LogIndex);
}
