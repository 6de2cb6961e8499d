using System.Numerics;
using EnergyAuction.Chain.Events;
using EnergyAuction.Ethereum.Abi;
using EnergyAuction.Ethereum.Contracts;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Chain.Services;

/// <summary>What every typed contract service shares: the <see cref="Ethereum.Contracts.Contract"/>, the sender's
/// transaction manager (null = read-only), sends with decoded reverts and typed event queries. An event DTO type
/// `XyzEvent` stands for the contract's event `Xyz`.</summary>
public abstract class ContractService
{
    protected ContractService(EthRpcClient rpc, ContractAbi abi, string address, TransactionManager? transactions)
    {
        Contract = new Contract(rpc, abi, address);
        Transactions = transactions;
    }

    public Contract Contract { get; }

    public string Address => Contract.Address;

    /// <summary>Who sends this service's transactions; null when the service was built without a key.</summary>
    public TransactionManager? Transactions { get; }

    /// <summary>Typed logs of one event between two blocks (inclusive; null = latest), optionally filtered by the
    /// event's indexed fields in order (null = any).</summary>
    public async Task<IReadOnlyList<EventLog<TEvent>>> GetEventsAsync<TEvent>(ulong fromBlock = 0, ulong? toBlock = null, params object?[] indexedFilter)
    {
        var logs = await Contract.GetEventsAsync(EventName<TEvent>(), fromBlock, toBlock, indexedFilter).ConfigureAwait(false);
        return [.. logs.Select(Typed<TEvent>)];
    }

    /// <summary>This contract's events in a receipt, in log order (other contracts' logs are skipped).</summary>
    public IReadOnlyList<DecodedEvent> DecodeEvents(TransactionReceipt receipt) => Contract.DecodeLogs(receipt);

    /// <summary>This contract's events of one type in a receipt, in log order.</summary>
    public IReadOnlyList<TEvent> DecodeEvents<TEvent>(TransactionReceipt receipt)
    {
        var name = EventName<TEvent>();
        return [.. Contract.DecodeLogs(receipt).Where(e => e.Name == name).Select(e => e.As<TEvent>())];
    }

    /// <summary>The one event of a type a receipt must hold (e.g. the id-bearing event of a submit).</summary>
    protected TEvent Single<TEvent>(TransactionReceipt receipt)
    {
        var events = DecodeEvents<TEvent>(receipt);
        return events.Count == 1
            ? events[0]
            : throw new InvalidOperationException($"expected one {EventName<TEvent>()} event from {Contract.Abi.ContractName} in {receipt.TransactionHash}, found {events.Count}");
    }

    protected Task<TransactionReceipt> SendAsync(string function, params object?[] args) => SendPayableAsync(function, BigInteger.Zero, null, args);

    protected Task<TransactionReceipt> SendPayableAsync(string function, BigInteger value, BigInteger? gas, params object?[] args) =>
        Sender(function).SendAndWaitAsync(new TransactionInput(Address, Contract.EncodeCall(function, args), value, gas), Contract.Abi);

    protected Task<T> CallAsync<T>(string function, params object?[] args) => Contract.CallAsync<T>(function, args);

    private TransactionManager Sender(string function) => Transactions
        ?? throw new InvalidOperationException($"{Contract.Abi.ContractName}.{function} sends a transaction, but this connection has no key (read-only)");

    private static string EventName<TEvent>()
    {
        var name = typeof(TEvent).Name;
        return name.EndsWith("Event", StringComparison.Ordinal) && name.Length > 5
            ? name[..^5]
            : throw new ArgumentException($"event DTO types are named <Event>Event; {name} is not");
    }

    private static EventLog<TEvent> Typed<TEvent>(DecodedEvent e) => new(e.As<TEvent>(), e.BlockNumber, e.TransactionHash, e.LogIndex);
}
