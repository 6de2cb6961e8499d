using System.Numerics;
using EnergyAuction.Chain.Contracts;
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
    /// <summary>The gas the Operator insists is left before it calls the consumer (its MINIMUM_CONSUMER_GAS_LIMIT); the
    /// same amount also covers the Operator's own work before the call.</summary>
    public static readonly BigInteger MinimumConsumerGas = 400_000;

    /// <summary>Added to the callback's estimate (in percent), since state can change before inclusion.</summary>
    public const int FulfilGasMarginPercent = 10;

    public async Task<IReadOnlyList<EventLog<OracleRequestEvent>>> GetOracleRequestsAsync(ulong fromBlock, ulong? toBlock = null, CancellationToken ct = default) =>
        await GetEventsAsync<OracleRequestEvent>(fromBlock, toBlock, [], ct).ConfigureAwait(false);

    /// <summary>The OracleRequest events in a receipt (e.g. of a submitOffer or requestReadings).</summary>
    public IReadOnlyList<OracleRequestEvent> DecodeOracleRequests(TransactionReceipt receipt) => DecodeEvents<OracleRequestEvent>(receipt);

    /// <summary>The response data EnergyOracleClient.fulfill expects: abi.encode(requestId, value).</summary>
    public static byte[] EncodeFulfilment(byte[] requestId, BigInteger value) =>
        new ABIEncode().GetABIEncoded(new ABIValue("bytes32", requestId), new ABIValue("uint256", value));

    /// <summary>The response data EnergyOracleClient.fulfillReadings expects, as a Chainlink job's ethabiencode makes
    /// it from the HEMS answer: abi.encode(requestId, bytes32[] meters, uint256[] imports, uint256[] exports, bool[] read).</summary>
    public static byte[] EncodeReadingsFulfilment(byte[] requestId, IReadOnlyList<HemsMeterReading> readings) =>
        new ABIEncode().GetABIEncoded(
            new ABIValue("bytes32", requestId),
            new ABIValue("bytes32[]", readings.Select(r => r.MeterId).ToList()),
            new ABIValue("uint256[]", readings.Select(r => r.ImportWh).ToList()),
            new ABIValue("uint256[]", readings.Select(r => r.ExportWh).ToList()),
            new ABIValue("bool[]", readings.Select(r => r.Read).ToList()));

    /// <summary>The gas a fulfilment needs: the callback's eth_estimateGas, made as the Operator makes the call, plus
    /// <see cref="FulfilGasMarginPercent"/>, times 64/63 (the EVM keeps 1/64 back from a call), plus
    /// <see cref="MinimumConsumerGas"/>. An estimate of the whole fulfilment would not do: the Operator swallows a
    /// failed callback, so that estimate passes with a starved one. A callback that would revert throws
    /// <see cref="ContractRevertException"/> or <see cref="RpcException"/>.</summary>
    public async Task<BigInteger> EstimateFulfilGasAsync(OracleRequestEvent request, byte[] data, CancellationToken ct = default)
    {
        var callback = await Rpc.EstimateGasAsync(new CallInput(request.CallbackAddr, [.. request.CallbackFunctionId, .. data], Address), ct)
            .ConfigureAwait(false);
        return callback * (100 + FulfilGasMarginPercent) / 100 * 64 / 63 + MinimumConsumerGas;
    }

    /// <summary>Answers a request with a single uint256 reading, gas from <see cref="EstimateFulfilGasAsync"/>.</summary>
    public Task<TransactionReceipt> FulfillOracleRequest2Async(OracleRequestEvent request, BigInteger value, CancellationToken ct = default) =>
        FulfillOracleRequest2Async(request, EncodeFulfilment(request.RequestId, value), ct);

    /// <summary>Answers a request with <paramref name="data"/> (which must start with the request id), gas from
    /// <see cref="EstimateFulfilGasAsync"/>.</summary>
    public async Task<TransactionReceipt> FulfillOracleRequest2Async(OracleRequestEvent request, byte[] data, CancellationToken ct = default)
    {
        var gas = await EstimateFulfilGasAsync(request, data, ct).ConfigureAwait(false);
        return await FulfillOracleRequest2Async(request.RequestId, request.Payment, request.CallbackAddr, request.CallbackFunctionId,
            request.CancelExpiration, data, gas, ct).ConfigureAwait(false);
    }

    /// <summary>fulfillOracleRequest2 with every argument explicit; data must start with the request id.</summary>
    public Task<TransactionReceipt> FulfillOracleRequest2Async(byte[] requestId, BigInteger payment, string callbackAddress,
        byte[] callbackFunctionId, BigInteger expiration, byte[] data, BigInteger gas, CancellationToken ct = default) =>
        SendAsync(new OP.FulfillOracleRequest2Function
        {
            RequestId = requestId,
            Payment = payment,
            CallbackAddress = callbackAddress,
            CallbackFunctionId = callbackFunctionId,
            Expiration = expiration,
            Data = data,
            Gas = gas,
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
