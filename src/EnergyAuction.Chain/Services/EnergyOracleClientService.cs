using System.Numerics;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to EnergyOracleClient (IEnergyOracleClient): the Chainlink consumer that reads meters for
/// EnergyTrade. Requests are made by EnergyTrade itself; operators read its settings and events.</summary>
public sealed class EnergyOracleClientService(EthRpcClient rpc, string address, TransactionManager? transactions = null)
    : ContractService(rpc, ChainAbis.EnergyOracleClient, address, transactions)
{
    /// <summary>Changes the Operator, job, fee and HEMS base URL (owner only).</summary>
    public Task<TransactionReceipt> ConfigureAsync(string operatorAddress, byte[] jobId, BigInteger fee, string hemsBaseUrl) =>
        SendAsync("configure", operatorAddress, jobId, fee, hemsBaseUrl);

    public Task<TransactionReceipt> SetEnergyTradeAsync(string energyTrade) => SendAsync("setEnergyTrade", energyTrade);

    /// <summary>EnergyTrade only; exposed for completeness and for testing the OnlyEnergyTrade guard.</summary>
    public Task<TransactionReceipt> RequestAvailableEnergyAsync(ulong orderId, string meterId) =>
        SendAsync("requestAvailableEnergy", orderId, MeterId.ToBytes32(meterId));

    /// <summary>EnergyTrade only; exposed for completeness and for testing the OnlyEnergyTrade guard.</summary>
    public Task<TransactionReceipt> RequestDeliveryAsync(ulong bidId, string meterId, ulong fromTs, ulong toTs) =>
        SendAsync("requestDelivery", bidId, MeterId.ToBytes32(meterId), fromTs, toTs);

    /// <summary>The Chainlink callback; only the Operator can call it successfully.</summary>
    public Task<TransactionReceipt> FulfillAsync(byte[] requestId, BigInteger value) => SendAsync("fulfill", requestId, value);

    public Task<string> OperatorAsync() => CallAsync<string>("operator");

    public Task<string> LinkTokenAsync() => CallAsync<string>("linkToken");

    public Task<string> EnergyTradeAsync() => CallAsync<string>("energyTrade");

    public Task<string> DataAccessAsync() => CallAsync<string>("dataAccess");

    public Task<byte[]> JobIdAsync() => CallAsync<byte[]>("jobId");

    public Task<BigInteger> FeeAsync() => CallAsync<BigInteger>("fee");

    public Task<string> HemsBaseUrlAsync() => CallAsync<string>("hemsBaseUrl");

    public Task<string> OwnerAsync() => CallAsync<string>("owner");
}
