using System.Numerics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using EOC = EnergyAuction.Chain.Generated.EnergyOracleClient.ContractDefinition;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to EnergyOracleClient (IEnergyOracleClient): the Chainlink consumer that reads meters for
/// EnergyTrade. Requests are made by EnergyTrade itself; operators read its settings and events.</summary>
public sealed class EnergyOracleClientService(ChainRpcClient rpc, string address, TransactionSender? transactions = null)
    : ContractService(rpc, ChainAbis.EnergyOracleClient, address, transactions)
{
    /// <summary>Changes the Operator, job, fee and HEMS base URL (owner only).</summary>
    public Task<TransactionReceipt> ConfigureAsync(string operatorAddress, byte[] jobId, BigInteger fee, string hemsBaseUrl, CancellationToken ct = default) =>
        SendAsync(new EOC.ConfigureFunction { Operator = operatorAddress, Jobid = jobId, Fee = fee, Hemsbaseurl = hemsBaseUrl }, ct);

    public Task<TransactionReceipt> SetEnergyTradeAsync(string energyTrade, CancellationToken ct = default) =>
        SendAsync(new EOC.SetEnergyTradeFunction { Energytrade = energyTrade }, ct);

    /// <summary>EnergyTrade only; exposed for completeness and for testing the OnlyEnergyTrade guard.</summary>
    public Task<TransactionReceipt> RequestAvailableEnergyAsync(ulong orderId, string meterId, CancellationToken ct = default) =>
        SendAsync(new EOC.RequestAvailableEnergyFunction { OrderId = orderId, MeterId = MeterId.ToBytes32(meterId) }, ct);

    /// <summary>Owner only: the Chainlink job that serves batched readings requests (at first the constructor's job).</summary>
    public Task<TransactionReceipt> SetReadingsJobAsync(byte[] jobId, CancellationToken ct = default) =>
        SendAsync(new EOC.SetReadingsJobFunction { Jobid = jobId }, ct);

    /// <summary>Owner only: LINK above what the reserved readings need.</summary>
    public Task<TransactionReceipt> WithdrawLinkAsync(string to, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(new EOC.WithdrawLinkFunction { To = to, Amount = amount }, ct);

    /// <summary>Owner only: cancels an expired request at the Operator; its LINK comes back.</summary>
    public Task<TransactionReceipt> CancelExpiredRequestAsync(byte[] requestId, CancellationToken ct = default) =>
        SendAsync(new EOC.CancelExpiredRequestFunction { RequestId = requestId }, ct);

    /// <summary>The most orders one requestReadings call may ask readings for (MAX_READINGS_PER_REQUEST; TooManyReadings above).</summary>
    public async Task<int> MaxReadingsPerRequestAsync(CancellationToken ct = default) =>
        (int)await CallAsync<EOC.MaxReadingsPerRequestFunction, BigInteger>(new(), ct).ConfigureAwait(false);

    /// <summary>Readings whose LINK (fee each) the client keeps for orders that may still need them.</summary>
    public Task<BigInteger> ReservedReadingsAsync(CancellationToken ct = default) => CallAsync<EOC.ReservedReadingsFunction, BigInteger>(new(), ct);

    /// <summary>The Chainlink callback; only the Operator can call it successfully.</summary>
    public Task<TransactionReceipt> FulfillAsync(byte[] requestId, BigInteger value, CancellationToken ct = default) =>
        SendAsync(new EOC.FulfillFunction { RequestId = requestId, Value = value }, ct);

    public async Task<string> OperatorAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<EOC.OperatorFunction, string>(new(), ct).ConfigureAwait(false));

    public async Task<string> LinkTokenAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<EOC.LinkTokenFunction, string>(new(), ct).ConfigureAwait(false));

    public async Task<string> EnergyTradeAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<EOC.EnergyTradeFunction, string>(new(), ct).ConfigureAwait(false));

    public async Task<string> DataAccessAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<EOC.DataAccessFunction, string>(new(), ct).ConfigureAwait(false));

    public Task<byte[]> JobIdAsync(CancellationToken ct = default) => CallAsync<EOC.JobIdFunction, byte[]>(new(), ct);

    public Task<BigInteger> FeeAsync(CancellationToken ct = default) => CallAsync<EOC.FeeFunction, BigInteger>(new(), ct);

    public Task<string> HemsBaseUrlAsync(CancellationToken ct = default) => CallAsync<EOC.HemsBaseUrlFunction, string>(new(), ct);

    public async Task<string> OwnerAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<EOC.OwnerFunction, string>(new(), ct).ConfigureAwait(false));
}
