using System.Numerics;
using EnergyAuction.Chain.Events;
using EnergyAuction.Ethereum.Crypto;
using EnergyAuction.Ethereum.Rpc;
using EnergyAuction.Ethereum.Transactions;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to EnergyTrade (IEnergyTrade): windows, orders, clearing, settlement and withdrawals.
/// Ids are the contract's window and order indexes; energy in Wh, prices in wei per kWh, money in wei.</summary>
public sealed class EnergyTradeService(EthRpcClient rpc, string address, TransactionManager? transactions = null)
    : ContractService(rpc, ChainAbis.EnergyTrade, address, transactions)
{
    /// <summary>keccak256("OPERATOR_ROLE"): may open windows, post clearings and settle.</summary>
    public static byte[] OperatorRole { get; } = Keccak256.Hash("OPERATOR_ROLE");

    /// <summary>keccak256("ORACLE_ROLE"): the oracle client's callbacks.</summary>
    public static byte[] OracleRole { get; } = Keccak256.Hash("ORACLE_ROLE");

    // --- sends ---

    /// <summary>Opens a window (operator only); returns its id from WindowOpened.</summary>
    public async Task<(ulong WindowId, TransactionReceipt Receipt)> OpenWindowAsync(WindowParams parameters)
    {
        var receipt = await SendAsync("openWindow", parameters).ConfigureAwait(false);
        return (Single<WindowOpenedEvent>(receipt).WindowId, receipt);
    }

    public Task<TransactionReceipt> AdvancePhaseAsync(ulong windowId) => SendAsync("advancePhase", windowId);

    /// <summary>Offers energy at no less than minPrice with the collateral attached (read from offerCollateral when
    /// not given); returns the order id from OfferSubmitted.</summary>
    public async Task<(ulong OrderId, TransactionReceipt Receipt)> SubmitOfferAsync(ulong windowId, string meterId, ulong energyWh,
        BigInteger minPrice, BigInteger? collateral = null)
    {
        var meter = MeterId.ToBytes32(meterId);
        var value = collateral ?? await OfferCollateralAsync(windowId, energyWh).ConfigureAwait(false);
        var receipt = await SendPayableAsync("submitOffer", value, null, windowId, meter, energyWh, minPrice).ConfigureAwait(false);
        return (Single<OfferSubmittedEvent>(receipt).OrderId, receipt);
    }

    /// <summary>Bids for energy at no more than maxPrice with the escrow attached (read from bidEscrow when not
    /// given); returns the order id from BidSubmitted.</summary>
    public async Task<(ulong OrderId, TransactionReceipt Receipt)> SubmitBidAsync(ulong windowId, string meterId, ulong energyWh,
        BigInteger maxPrice, BigInteger? escrow = null)
    {
        var meter = MeterId.ToBytes32(meterId);
        var value = escrow ?? await BidEscrowAsync(windowId, energyWh, maxPrice).ConfigureAwait(false);
        var receipt = await SendPayableAsync("submitBid", value, null, windowId, meter, energyWh, maxPrice).ConfigureAwait(false);
        return (Single<BidSubmittedEvent>(receipt).OrderId, receipt);
    }

    public Task<TransactionReceipt> CancelOrderAsync(ulong orderId) => SendAsync("cancelOrder", orderId);

    /// <summary>Posts one batch of the clearing (every batch of a window carries the same price).</summary>
    public Task<TransactionReceipt> PostClearingAsync(ulong windowId, BigInteger price, IReadOnlyList<ChainMatch> matches) =>
        SendAsync("postClearing", windowId, price, matches.ToArray());

    /// <summary>Commits the result hash (see <see cref="ClearingResultHash"/>) and moves to EnergyTransfer.</summary>
    public Task<TransactionReceipt> FinaliseClearingAsync(ulong windowId, byte[] resultHash) => SendAsync("finaliseClearing", windowId, resultHash);

    public Task<TransactionReceipt> RequestDeliveryReadingsAsync(ulong windowId, IReadOnlyList<ulong> bidIds) =>
        SendAsync("requestDeliveryReadings", windowId, bidIds.ToArray());

    public Task<TransactionReceipt> SettleUnreportedAsync(ulong windowId, IReadOnlyList<ulong> bidIds) =>
        SendAsync("settleUnreported", windowId, bidIds.ToArray());

    public Task<TransactionReceipt> CloseWindowAsync(ulong windowId) => SendAsync("closeWindow", windowId);

    public Task<TransactionReceipt> CancelWindowAsync(ulong windowId) => SendAsync("cancelWindow", windowId);

    public Task<TransactionReceipt> WithdrawAsync() => SendAsync("withdraw");

    /// <summary>Oracle callback (ORACLE_ROLE only; normally reached through EnergyOracleClient).</summary>
    public Task<TransactionReceipt> OnAvailableEnergyAsync(ulong orderId, BigInteger availableWh) => SendAsync("onAvailableEnergy", orderId, availableWh);

    /// <summary>Oracle callback (ORACLE_ROLE only; normally reached through EnergyOracleClient).</summary>
    public Task<TransactionReceipt> OnDeliveryAsync(ulong bidId, BigInteger receivedWh) => SendAsync("onDelivery", bidId, receivedWh);

    public Task<TransactionReceipt> SetOracleClientAsync(string client) => SendAsync("setOracleClient", client);

    public Task<TransactionReceipt> GrantRoleAsync(byte[] role, string account) => SendAsync("grantRole", role, account);

    public Task<TransactionReceipt> RevokeRoleAsync(byte[] role, string account) => SendAsync("revokeRole", role, account);

    // --- views ---

    public Task<WindowInfo> GetWindowAsync(ulong windowId) => CallAsync<WindowInfo>("window", windowId);

    public Task<OrderInfo> GetOrderAsync(ulong orderId) => CallAsync<OrderInfo>("order", orderId);

    public Task<ulong[]> GetWindowOrderIdsAsync(ulong windowId) => CallAsync<ulong[]>("windowOrderIds", windowId);

    /// <summary>Up to count of the window's matches from index from, in posting order.</summary>
    public Task<ChainMatch[]> GetWindowMatchesAsync(ulong windowId, ulong from, ulong count) =>
        CallAsync<ChainMatch[]>("windowMatches", windowId, from, count);

    public Task<BigInteger> WithdrawableAsync(string account) => CallAsync<BigInteger>("withdrawable", account);

    public Task<BigInteger> BidEscrowAsync(ulong windowId, ulong energyWh, BigInteger maxPrice) =>
        CallAsync<BigInteger>("bidEscrow", windowId, energyWh, maxPrice);

    public Task<BigInteger> OfferCollateralAsync(ulong windowId, ulong energyWh) => CallAsync<BigInteger>("offerCollateral", windowId, energyWh);

    public Task<ulong> WindowCountAsync() => CallAsync<ulong>("windowCount");

    public Task<ulong> OrderCountAsync() => CallAsync<ulong>("orderCount");

    public Task<string> DataAccessAsync() => CallAsync<string>("dataAccess");

    public Task<string> OracleClientAsync() => CallAsync<string>("oracleClient");

    public Task<bool> HasRoleAsync(byte[] role, string account) => CallAsync<bool>("hasRole", role, account);

    /// <summary>The contract's MAX_* constants (four concurrent calls).</summary>
    public async Task<MarketLimits> GetLimitsAsync()
    {
        var energy = CallAsync<ulong>("MAX_ENERGY_WH");
        var distance = CallAsync<uint>("MAX_DISTANCE_M");
        var price = CallAsync<BigInteger>("MAX_PRICE");
        var matches = CallAsync<uint>("MAX_MATCHES_PER_BID");
        return new MarketLimits(await energy.ConfigureAwait(false), await distance.ConfigureAwait(false),
            await price.ConfigureAwait(false), await matches.ConfigureAwait(false));
    }
}
