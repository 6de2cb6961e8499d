using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to DataAccess (IDataAccess): the meter registry and read-access grants. Meter ids are
/// given as text and packed with <see cref="MeterId"/>.</summary>
public sealed class DataAccessService(EthRpcClient rpc, string address, TransactionManager? transactions = null)
    : ContractService(rpc, ChainAbis.DataAccess, address, transactions)
{
    /// <summary>keccak256("OPERATOR_ROLE"): may register meters.</summary>
    public static byte[] OperatorRole { get; } = Keccak256.Hash("OPERATOR_ROLE");

    /// <summary>Registers a meter with its owner and feeder bus (operator only).</summary>
    public Task<TransactionReceipt> RegisterMeterAsync(string meterId, string owner, uint bus) =>
        SendAsync("registerMeter", MeterId.ToBytes32(meterId), owner, bus);

    /// <summary>Lets requester (e.g. EnergyTrade) read the sender's meter (meter owner only).</summary>
    public Task<TransactionReceipt> GrantAccessAsync(string meterId, string requester) =>
        SendAsync("grantAccess", MeterId.ToBytes32(meterId), requester);

    public Task<TransactionReceipt> RevokeAccessAsync(string meterId, string requester) =>
        SendAsync("revokeAccess", MeterId.ToBytes32(meterId), requester);

    public Task<TransactionReceipt> GrantRoleAsync(byte[] role, string account) => SendAsync("grantRole", role, account);

    public Task<TransactionReceipt> RevokeRoleAsync(byte[] role, string account) => SendAsync("revokeRole", role, account);

    public Task<bool> HasAccessAsync(string meterId, string requester) =>
        CallAsync<bool>("hasAccess", MeterId.ToBytes32(meterId), requester);

    public Task<MeterInfo> MeterOfAsync(string meterId) => CallAsync<MeterInfo>("meterOf", MeterId.ToBytes32(meterId));

    public async Task<(string Owner, bool Access)> OwnerAndAccessAsync(string meterId, string requester)
    {
        var outputs = await Contract.CallAsync("ownerAndAccess", MeterId.ToBytes32(meterId), requester).ConfigureAwait(false);
        return ((string)outputs[0]!, (bool)outputs[1]!);
    }

    public Task<bool> HasRoleAsync(byte[] role, string account) => CallAsync<bool>("hasRole", role, account);
}
