using System.Numerics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using Nethereum.ABI;
using OP = EnergyAuction.Chain.Generated.Operator.ContractDefinition;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to the Chainlink Operator contract, the side an oracle node drives: read OracleRequest
/// events and answer them with fulfillOracleRequest2 from an authorised sender.</summary>
public sealed class OracleOperatorService(ChainRpcClient rpc, string address, TransactionSender? transactions = null)
    : ContractService(rpc, ChainAbis.Operator, address, transactions)
{
    /// <summary>The Operator refuses to forward with less than its minimum consumer gas left, and the consumer then
    /// calls EnergyTrade, so fulfilments go out with a fixed, generous limit instead of an estimate.</summary>
    public static readonly BigInteger DefaultFulfilGas = 2_000_000;

    public async Task<IReadOnlyList<EventLog<OracleRequestEvent>>> GetOracleRequestsAsync(ulong fromBlock, ulong? toBlock = null, CancellationToken ct = default) =>
        await GetEventsAsync<OracleRequestEvent>(fromBlock, toBlock, [], ct).ConfigureAwait(false);

    /// <summary>The OracleRequest events in a receipt (e.g. of a submitOffer or requestDeliveryReadings).</summary>
    public IReadOnlyList<OracleRequestEvent> DecodeOracleRequests(TransactionReceipt receipt) => DecodeEvents<OracleRequestEvent>(receipt);

    /// <summary>The response data EnergyOracleClient.fulfill expects: abi.encode(requestId, value).</summary>
    public static byte[] EncodeFulfilment(byte[] requestId, BigInteger value) =>
        new ABIEncode().GetABIEncoded(new ABIValue("bytes32", requestId), new ABIValue("uint256", value));

    /// <summary>Answers a request with a single uint256 reading.</summary>
    public Task<TransactionReceipt> FulfillOracleRequest2Async(OracleRequestEvent request, BigInteger value, BigInteger? gas = null, CancellationToken ct = default) =>
        FulfillOracleRequest2Async(request.RequestId, request.Payment, request.CallbackAddr, request.CallbackFunctionId,
            request.CancelExpiration, EncodeFulfilment(request.RequestId, value), gas, ct);

    /// <summary>fulfillOracleRequest2 with every argument explicit; data must start with the request id.</summary>
    public Task<TransactionReceipt> FulfillOracleRequest2Async(byte[] requestId, BigInteger payment, string callbackAddress,
        byte[] callbackFunctionId, BigInteger expiration, byte[] data, BigInteger? gas = null, CancellationToken ct = default) =>
        SendAsync(new OP.FulfillOracleRequest2Function
        {
            RequestId = requestId,
            Payment = payment,
            CallbackAddress = callbackAddress,
            CallbackFunctionId = callbackFunctionId,
            Expiration = expiration,
            Data = data,
            Gas = gas ?? DefaultFulfilGas,
        }, ct);

    public Task<bool> IsAuthorizedSenderAsync(string sender, CancellationToken ct = default) =>
        CallAsync<OP.IsAuthorizedSenderFunction, bool>(new() { Sender = sender }, ct);

    public async Task<string[]> GetAuthorizedSendersAsync(CancellationToken ct = default) =>
        [.. (await CallAsync<OP.GetAuthorizedSendersFunction, List<string>>(new(), ct).ConfigureAwait(false)).Select(ChainAddress.ToChecksum)];

    /// <summary>Replaces the authorised senders (owner only).</summary>
    public Task<TransactionReceipt> SetAuthorizedSendersAsync(IReadOnlyList<string> senders, CancellationToken ct = default) =>
        SendAsync(new OP.SetAuthorizedSendersFunction { Senders = [.. senders] }, ct);

    public async Task<string> OwnerAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<OP.OwnerFunction, string>(new(), ct).ConfigureAwait(false));
}
