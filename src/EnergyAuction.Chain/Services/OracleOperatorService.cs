using System.Numerics;
using EnergyAuction.Chain.Events;
using EnergyAuction.Ethereum.Abi;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to the Chainlink Operator contract, the side an oracle node drives: read OracleRequest
/// events and answer them with fulfillOracleRequest2 from an authorised sender.</summary>
public sealed class OracleOperatorService(EthRpcClient rpc, string address, TransactionManager? transactions = null)
    : ContractService(rpc, ChainAbis.Operator, address, transactions)
{
    /// <summary>The Operator refuses to forward with less than its minimum consumer gas left, and the consumer then
    /// calls EnergyTrade, so fulfilments go out with a fixed, generous limit instead of an estimate.</summary>
    public static readonly BigInteger DefaultFulfilGas = 2_000_000;

    private static readonly string[] FulfilmentTypes = ["bytes32", "uint256"];

    public async Task<IReadOnlyList<EventLog<OracleRequestEvent>>> GetOracleRequestsAsync(ulong fromBlock, ulong? toBlock = null) =>
        await GetEventsAsync<OracleRequestEvent>(fromBlock, toBlock).ConfigureAwait(false);

    /// <summary>The OracleRequest events in a receipt (e.g. of a submitOffer or requestDeliveryReadings).</summary>
    public IReadOnlyList<OracleRequestEvent> DecodeOracleRequests(TransactionReceipt receipt) => DecodeEvents<OracleRequestEvent>(receipt);

    /// <summary>The response data EnergyOracleClient.fulfill expects: abi.encode(requestId, value).</summary>
    public static byte[] EncodeFulfilment(byte[] requestId, BigInteger value) => AbiEncoder.Encode(FulfilmentTypes, requestId, value);

    /// <summary>Answers a request with a single uint256 reading.</summary>
    public Task<TransactionReceipt> FulfillOracleRequest2Async(OracleRequestEvent request, BigInteger value, BigInteger? gas = null) =>
        FulfillOracleRequest2Async(request.RequestId, request.Payment, request.CallbackAddr, request.CallbackFunctionId,
            request.CancelExpiration, EncodeFulfilment(request.RequestId, value), gas);

    /// <summary>fulfillOracleRequest2 with every argument explicit; data must start with the request id.</summary>
    public Task<TransactionReceipt> FulfillOracleRequest2Async(byte[] requestId, BigInteger payment, string callbackAddress,
        byte[] callbackFunctionId, BigInteger expiration, byte[] data, BigInteger? gas = null) =>
        SendPayableAsync("fulfillOracleRequest2", BigInteger.Zero, gas ?? DefaultFulfilGas,
            requestId, payment, callbackAddress, callbackFunctionId, expiration, data);

    public Task<bool> IsAuthorizedSenderAsync(string sender) => CallAsync<bool>("isAuthorizedSender", sender);

    public Task<string[]> GetAuthorizedSendersAsync() => CallAsync<string[]>("getAuthorizedSenders");

    /// <summary>Replaces the authorised senders (owner only).</summary>
    public Task<TransactionReceipt> SetAuthorizedSendersAsync(IReadOnlyList<string> senders) => SendAsync("setAuthorizedSenders", senders.ToArray());

    public Task<string> OwnerAsync() => CallAsync<string>("owner");
}
