using System.Numerics;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Transactions;
using Nethereum.Contracts;
using ET = EnergyAuction.Chain.Generated.EnergyTrade.ContractDefinition;
using RD = EnergyAuction.Chain.Generated.EnergyTradeReader.ContractDefinition;

namespace EnergyAuction.Chain.Services;

/// <summary>Typed access to EnergyTrade (IEnergyTrade): windows, orders, clearing, settlement and withdrawals.
/// Ids are the contract's window and order indexes; energy in Wh, prices in wei per kWh, money in wei.</summary>
public sealed class EnergyTradeService(ChainRpcClient rpc, string address, TransactionSender? transactions = null)
    : ContractService(rpc, ChainAbis.EnergyTrade, address, transactions)
{
    /// <summary>keccak256("OPERATOR_ROLE"): may open windows, post clearings and settle.</summary>
    public static byte[] OperatorRole { get; } = Keccak256.Hash("OPERATOR_ROLE");

    /// <summary>keccak256("ORACLE_ROLE"): the oracle client's callbacks.</summary>
    public static byte[] OracleRole { get; } = Keccak256.Hash("ORACLE_ROLE");

    // --- sends ---

    /// <summary>Opens a window (operator only); returns its id from WindowOpened.</summary>
    public async Task<(ulong WindowId, TransactionReceipt Receipt)> OpenWindowAsync(WindowParams parameters, CancellationToken ct = default)
    {
        var receipt = await SendAsync(new ET.OpenWindowFunction { P = parameters.ToGenerated() }, ct).ConfigureAwait(false);
        return (Single<WindowOpenedEvent>(receipt).WindowId, receipt);
    }

    public Task<TransactionReceipt> AdvancePhaseAsync(ulong windowId, CancellationToken ct = default) =>
        SendAsync(new ET.AdvancePhaseFunction { WindowId = windowId }, ct);

    /// <summary>Offers energy at no less than minPrice, preferably within maxDistanceM metres (D; 0: the window's L),
    /// sending the collateral (read from offerCollateral when not given) plus the window's order fee; returns the order
    /// id from OfferSubmitted.</summary>
    public async Task<(ulong OrderId, TransactionReceipt Receipt)> SubmitOfferAsync(ulong windowId, string meterId, ulong energyWh,
        BigInteger minPrice, BigInteger? collateral = null, uint maxDistanceM = 0, CancellationToken ct = default)
    {
        var meter = MeterId.ToBytes32(meterId);
        var deposit = collateral ?? await OfferCollateralAsync(windowId, energyWh, ct).ConfigureAwait(false);
        var value = deposit + await OrderFeeAsync(windowId, ct).ConfigureAwait(false);
        var receipt = await SendAsync(Offer(windowId, meter, energyWh, minPrice, maxDistanceM, value, null), ct).ConfigureAwait(false);
        return (Single<OfferSubmittedEvent>(receipt).OrderId, receipt);
    }

    /// <summary>Bids for energy at no more than maxPrice, preferably within maxDistanceM metres (D; 0: the window's L),
    /// sending the escrow (read from bidEscrow when not given) plus the window's order fee; returns the order id from
    /// BidSubmitted.</summary>
    public async Task<(ulong OrderId, TransactionReceipt Receipt)> SubmitBidAsync(ulong windowId, string meterId, ulong energyWh,
        BigInteger maxPrice, BigInteger? escrow = null, uint maxDistanceM = 0, CancellationToken ct = default)
    {
        var meter = MeterId.ToBytes32(meterId);
        var deposit = escrow ?? await BidEscrowAsync(windowId, energyWh, maxPrice, ct).ConfigureAwait(false);
        var value = deposit + await OrderFeeAsync(windowId, ct).ConfigureAwait(false);
        var receipt = await SendAsync(Bid(windowId, meter, energyWh, maxPrice, maxDistanceM, value, null), ct).ConfigureAwait(false);
        return (Single<BidSubmittedEvent>(receipt).OrderId, receipt);
    }

    /// <summary>A submitOffer transaction with a fixed gas limit, for pipelined submission (load runs); value is the
    /// collateral plus the window's order fee.</summary>
    public TransactionInput SubmitOfferInput(ulong windowId, string meterId, ulong energyWh, BigInteger minPrice, BigInteger value, BigInteger gas,
        uint maxDistanceM = 0) =>
        Input(Offer(windowId, MeterId.ToBytes32(meterId), energyWh, minPrice, maxDistanceM, value, gas));

    /// <summary>A submitBid transaction with a fixed gas limit, for pipelined submission (load runs); value is the
    /// escrow plus the window's order fee.</summary>
    public TransactionInput SubmitBidInput(ulong windowId, string meterId, ulong energyWh, BigInteger maxPrice, BigInteger value, BigInteger gas,
        uint maxDistanceM = 0) =>
        Input(Bid(windowId, MeterId.ToBytes32(meterId), energyWh, maxPrice, maxDistanceM, value, gas));

    public Task<TransactionReceipt> CancelOrderAsync(ulong orderId, CancellationToken ct = default) =>
        SendAsync(new ET.CancelOrderFunction { OrderId = orderId }, ct);

    /// <summary>Posts one batch of the clearing (every batch of a window carries the same price).</summary>
    public Task<TransactionReceipt> PostClearingAsync(ulong windowId, BigInteger price, IReadOnlyList<ChainMatch> matches, CancellationToken ct = default) =>
        SendAsync(new ET.PostClearingFunction { WindowId = windowId, Price = price, Matches = [.. matches.Select(m => m.ToGenerated())] }, ct);

    /// <summary>Finishes the clearing and moves to EnergyTransfer; the contract emits the result hash it chained over the
    /// posted matches (<see cref="ClearingResultHash"/> computes the same).</summary>
    public Task<TransactionReceipt> FinaliseClearingAsync(ulong windowId, CancellationToken ct = default) =>
        SendAsync(new ET.FinaliseClearingFunction { WindowId = windowId }, ct);

    /// <summary>Withdraws the posted, not yet finalised clearing (operator): one batch of the retraction per call;
    /// call again until the receipt carries ClearingRetracted, after which a new clearing may be posted.</summary>
    public Task<TransactionReceipt> RetractClearingAsync(ulong windowId, CancellationToken ct = default) =>
        SendAsync(new ET.RetractClearingFunction { WindowId = windowId }, ct);

    /// <summary>Anyone: asks the oracle for the settlement readings of matched orders (offers and bids) of a window.</summary>
    public Task<TransactionReceipt> RequestReadingsAsync(ulong windowId, IReadOnlyList<ulong> orderIds, CancellationToken ct = default) =>
        SendAsync(new ET.RequestReadingsFunction { WindowId = windowId, OrderIds = [.. orderIds.Select(o => new BigInteger(o))] }, ct);

    /// <summary>Anyone: settles bids whose readings are in, or, after the settlement deadline, whatever is left.</summary>
    public Task<TransactionReceipt> SettleAsync(ulong windowId, IReadOnlyList<ulong> bidIds, CancellationToken ct = default) =>
        SendAsync(new ET.SettleFunction { WindowId = windowId, BidIds = [.. bidIds.Select(b => new BigInteger(b))] }, ct);

    /// <summary>Anyone: returns the deposits of the next <paramref name="maxOrders"/> (1..<see cref="MaxOrdersPerReleaseAsync"/>)
    /// orders of a settled window; the call that returns the last one closes it (WindowClosed).</summary>
    public Task<TransactionReceipt> CloseWindowAsync(ulong windowId, int maxOrders, CancellationToken ct = default) =>
        SendAsync(new ET.CloseWindowFunction { WindowId = windowId, MaxOrders = maxOrders }, ct);

    /// <summary>Anyone: cancels a window whose operator missed the matching deadline by the grace period (first call)
    /// and returns the deposits of the next <paramref name="maxOrders"/> (1..<see cref="MaxOrdersPerReleaseAsync"/>) orders.</summary>
    public Task<TransactionReceipt> CancelWindowAsync(ulong windowId, int maxOrders, CancellationToken ct = default) =>
        SendAsync(new ET.CancelWindowFunction { WindowId = windowId, MaxOrders = maxOrders }, ct);

    /// <summary>The most orders one closeWindow or cancelWindow call may return (MAX_ORDERS_PER_RELEASE).</summary>
    public async Task<int> MaxOrdersPerReleaseAsync(CancellationToken ct = default) =>
        (int)await CallAsync<ET.MaxOrdersPerReleaseFunction, BigInteger>(new(), ct).ConfigureAwait(false);

    public Task<TransactionReceipt> WithdrawAsync(CancellationToken ct = default) => SendAsync(new ET.WithdrawFunction(), ct);

    /// <summary>Pays the sender's withdrawable balance to another address (e.g. for a contract that cannot receive).</summary>
    public Task<TransactionReceipt> WithdrawToAsync(string to, CancellationToken ct = default) =>
        SendAsync(new ET.WithdrawToFunction { To = to }, ct);

    /// <summary>Oracle callback (ORACLE_ROLE only; normally reached through EnergyOracleClient).</summary>
    public Task<TransactionReceipt> OnAvailableEnergyAsync(ulong orderId, BigInteger availableWh, CancellationToken ct = default) =>
        SendAsync(new ET.OnAvailableEnergyFunction { OrderId = orderId, AvailableWh = availableWh }, ct);

    /// <summary>Oracle callback (ORACLE_ROLE only; normally reached through EnergyOracleClient): each reading goes on
    /// chain as one word, (orderId &lt;&lt; 64 | Wh).</summary>
    public Task<TransactionReceipt> OnReadingsAsync(IReadOnlyList<(ulong OrderId, ulong MeterWh)> readings, CancellationToken ct = default) =>
        SendAsync(new ET.OnReadingsFunction { ReadingsOf = [.. readings.Select(r => ((BigInteger)r.OrderId << 64) | r.MeterWh)] }, ct);

    public Task<TransactionReceipt> SetOracleClientAsync(string client, CancellationToken ct = default) =>
        SendAsync(new ET.SetOracleClientFunction { Client = client }, ct);

    /// <summary>Names the market-wide fee recipient (the DSO), credited with every window's grid fees (admin only).</summary>
    public Task<TransactionReceipt> SetFeeRecipientAsync(string recipient, CancellationToken ct = default) =>
        SendAsync(new ET.SetFeeRecipientFunction { Recipient = recipient }, ct);

    public Task<TransactionReceipt> GrantRoleAsync(byte[] role, string account, CancellationToken ct = default) =>
        SendAsync(new ET.GrantRoleFunction { Role = role, Account = account }, ct);

    public Task<TransactionReceipt> RevokeRoleAsync(byte[] role, string account, CancellationToken ct = default) =>
        SendAsync(new ET.RevokeRoleFunction { Role = role, Account = account }, ct);

    // --- views ---

    public async Task<WindowInfo> GetWindowAsync(ulong windowId, CancellationToken ct = default) =>
        GeneratedMapping.ToInfo((await CallDtoAsync<ET.WindowFunction, ET.WindowOutputDTO>(new() { WindowId = windowId }, ct).ConfigureAwait(false)).V);

    public async Task<OrderInfo> GetOrderAsync(ulong orderId, CancellationToken ct = default) =>
        GeneratedMapping.ToInfo((await CallDtoAsync<ET.OrderFunction, ET.OrderOutputDTO>(new() { OrderId = orderId }, ct).ConfigureAwait(false)).V);

    /// <summary>An order's settlement reading.</summary>
    public async Task<OrderReading> GetOrderReadingAsync(ulong orderId, CancellationToken ct = default)
    {
        var v = (await CallDtoAsync<ET.OrderReadingFunction, ET.OrderReadingOutputDTO>(new() { OrderId = orderId }, ct).ConfigureAwait(false)).V;
        return new OrderReading((ReadingState)v.State, v.RequestId, v.ExpiresAt, v.ReadingWh);
    }

    /// <summary>The orders with these ids, in the same order, read in JSON-RPC batches (one round trip per
    /// <see cref="ContractService.CallsPerBatch"/> orders instead of one per order).</summary>
    public Task<IReadOnlyList<OrderInfo>> GetOrdersAsync(IReadOnlyList<ulong> orderIds, CancellationToken ct = default)
    {
        var decoder = new FunctionBuilder<ET.OrderFunction>(Address);
        return BatchCallAsync([.. orderIds.Select(id => new ET.OrderFunction { OrderId = id })],
            hex => OrderViewWords.Decode(hex) ?? GeneratedMapping.ToInfo(decoder.DecodeDTOTypeOutput<ET.OrderOutputDTO>(hex).V), ct);
    }

    /// <summary>Order ids the contract returns per windowOrderIds call: one call stays far below an eth_call gas cap.</summary>
    public const ulong OrderIdsPerCall = 1_000;

    /// <summary>All the window's order ids in submission order, read page by page.</summary>
    public async Task<ulong[]> GetWindowOrderIdsAsync(ulong windowId, CancellationToken ct = default)
    {
        var total = (await GetWindowAsync(windowId, ct).ConfigureAwait(false)).OrderCount;
        var ids = new List<ulong>((int)total);
        for (ulong from = 0; from < total; from += OrderIdsPerCall)
        {
            ids.AddRange(await GetWindowOrderIdsAsync(windowId, from, Math.Min(OrderIdsPerCall, total - from), ct).ConfigureAwait(false));
        }
        return [.. ids];
    }

    /// <summary>Up to count of the window's order ids from index from, in submission order.</summary>
    public async Task<ulong[]> GetWindowOrderIdsAsync(ulong windowId, ulong from, ulong count, CancellationToken ct = default) =>
        [.. (await CallAsync<ET.WindowOrderIdsFunction, List<BigInteger>>(new() { WindowId = windowId, From = from, Count = count }, ct)
            .ConfigureAwait(false)).Select(i => (ulong)i)];

    /// <summary>Pages of a view (windowOrderIds, windowOrders, windowMatches) per JSON-RPC request: one, every page sent at once.</summary>
    private const int PagesPerRequest = 1;

    /// <summary>Orders the reader returns per windowOrders call (its ORDERS_PER_VIEW cap): a page with its meters costs about 7.8M gas,
    /// far below an eth_call gas cap.</summary>
    public const ulong OrdersPerCall = 500;

    private string? _reader;

    /// <summary>The EnergyTradeReader the market created in its constructor (read once: it never changes).</summary>
    public async Task<string> ReaderAddressAsync(CancellationToken ct = default) =>
        _reader ??= await CallAsync<ET.ReaderFunction, string>(new(), ct).ConfigureAwait(false);

    /// <summary>All the window's orders with their ids and meters, in submission order (reads the window's order count first).</summary>
    public async Task<IReadOnlyList<(ulong Id, OrderInfo Order, MeterInfo Meter)>> GetWindowOrdersAsync(ulong windowId, CancellationToken ct = default) =>
        await GetWindowOrdersAsync(windowId, (await GetWindowAsync(windowId, ct).ConfigureAwait(false)).OrderCount, ct).ConfigureAwait(false);

    /// <summary>The window's first <paramref name="orderCount"/> orders with their ids and their meters' registry entries
    /// (owner and feeder bus, as the registry holds them now), in submission order: the ids (windowOrderIds) and the
    /// orders with their meters (the reader's windowOrders) page by page, every page its own request and all sent at once, so a window
    /// of 2,000 orders costs six eth_calls and no meterOf. Pages line up by index: a window's list of orders only grows.</summary>
    public async Task<IReadOnlyList<(ulong Id, OrderInfo Order, MeterInfo Meter)>> GetWindowOrdersAsync(ulong windowId, ulong orderCount, CancellationToken ct = default)
    {
        var reader = await ReaderAddressAsync(ct).ConfigureAwait(false);
        var idPages = Pages(orderCount, OrderIdsPerCall).Select(p => new ET.WindowOrderIdsFunction { WindowId = windowId, From = p.From, Count = p.Count }).ToList();
        var orderPages = Pages(orderCount, OrdersPerCall).Select(p => new RD.WindowOrdersFunction { WindowId = windowId, From = p.From, Count = p.Count }).ToList();
        var idDecoder = new FunctionBuilder<ET.WindowOrderIdsFunction>(Address);
        var ids = BatchCallAsync(idPages, hex => idDecoder.DecodeTypeOutput<List<BigInteger>>(hex), ct, PagesPerRequest);
        var orders = BatchCallAsync(reader, orderPages, hex => WindowOrdersWords.Decode(hex)
            ?? throw new InvalidDataException($"window {windowId}: the reader's answer is not a page of orders with their meters"), ct, PagesPerRequest);
        var allIds = (await ids.ConfigureAwait(false)).SelectMany(page => page).Select(id => (ulong)id).ToList();
        var allOrders = (await orders.ConfigureAwait(false)).SelectMany(page => page).ToList();
        if (allIds.Count != allOrders.Count)
            throw new InvalidOperationException($"window {windowId}: {allIds.Count} order ids but {allOrders.Count} orders read");
        return [.. allIds.Zip(allOrders, (id, o) => (id, o.Order, o.Meter))];
    }

    private static IEnumerable<(ulong From, ulong Count)> Pages(ulong total, ulong size)
    {
        for (ulong from = 0; from < total; from += size)
            yield return (from, Math.Min(size, total - from));
    }

    /// <summary>Whether the meter has no open order in a window not yet closed or cancelled (it may then be re-assigned).</summary>
    public Task<bool> MeterIdleAsync(string meterId, CancellationToken ct = default) =>
        CallAsync<ET.MeterIdleFunction, bool>(new() { MeterId = MeterId.ToBytes32(meterId) }, ct);

    /// <summary>Wh the meter's offers commit in other windows than exceptOrderId's (the battery check's deduction).</summary>
    public Task<BigInteger> CommittedWhAsync(string meterId, ulong exceptOrderId = 0, CancellationToken ct = default) =>
        CallAsync<ET.CommittedWhFunction, BigInteger>(new() { MeterId = MeterId.ToBytes32(meterId), ExceptOrderId = exceptOrderId }, ct);

    /// <summary>Up to count of the window's matches from index from, in posting order.</summary>
    public async Task<ChainMatch[]> GetWindowMatchesAsync(ulong windowId, ulong from, ulong count, CancellationToken ct = default) =>
        [.. (await CallDtoAsync<ET.WindowMatchesFunction, ET.WindowMatchesOutputDTO>(new() { WindowId = windowId, From = from, Count = count }, ct)
            .ConfigureAwait(false)).Page.Select(GeneratedMapping.FromGenerated)];

    /// <summary>Matches per windowMatches call in <see cref="GetAllWindowMatchesAsync"/>.</summary>
    public const ulong MatchesPerCall = 500;

    /// <summary>The window's first <paramref name="matchCount"/> matches in posting order, every page its own request, all sent at once.</summary>
    public async Task<IReadOnlyList<ChainMatch>> GetAllWindowMatchesAsync(ulong windowId, ulong matchCount, CancellationToken ct = default)
    {
        var decoder = new FunctionBuilder<ET.WindowMatchesFunction>(Address);
        var pages = await BatchCallAsync([.. Pages(matchCount, MatchesPerCall).Select(p => new ET.WindowMatchesFunction { WindowId = windowId, From = p.From, Count = p.Count })],
            hex => MatchWords.DecodePage(hex) ?? [.. decoder.DecodeDTOTypeOutput<ET.WindowMatchesOutputDTO>(hex).Page.Select(GeneratedMapping.FromGenerated)], ct,
            PagesPerRequest).ConfigureAwait(false);
        return [.. pages.SelectMany(page => page)];
    }

    public Task<BigInteger> WithdrawableAsync(string account, CancellationToken ct = default) =>
        CallAsync<ET.WithdrawableFunction, BigInteger>(new() { Account = account }, ct);

    public Task<BigInteger> BidEscrowAsync(ulong windowId, ulong energyWh, BigInteger maxPrice, CancellationToken ct = default) =>
        CallAsync<ET.BidEscrowFunction, BigInteger>(new() { WindowId = windowId, EnergyWh = energyWh, MaxPrice = maxPrice }, ct);

    public Task<BigInteger> OfferCollateralAsync(ulong windowId, ulong energyWh, CancellationToken ct = default) =>
        CallAsync<ET.OfferCollateralFunction, BigInteger>(new() { WindowId = windowId, EnergyWh = energyWh }, ct);

    /// <summary>The window's order fee f: what every order sends on top of its escrow or collateral (never refunded).</summary>
    public async Task<BigInteger> OrderFeeAsync(ulong windowId, CancellationToken ct = default) =>
        (await GetWindowAsync(windowId, ct).ConfigureAwait(false)).Params.OrderFee;

    public async Task<ulong> WindowCountAsync(CancellationToken ct = default) =>
        (ulong)await CallAsync<ET.WindowCountFunction, BigInteger>(new(), ct).ConfigureAwait(false);

    public async Task<ulong> OrderCountAsync(CancellationToken ct = default) =>
        (ulong)await CallAsync<ET.OrderCountFunction, BigInteger>(new(), ct).ConfigureAwait(false);

    public async Task<string> DataAccessAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<ET.DataAccessFunction, string>(new(), ct).ConfigureAwait(false));

    public async Task<string> OracleClientAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<ET.OracleClientFunction, string>(new(), ct).ConfigureAwait(false));

    /// <summary>The market-wide fee recipient (zero address: not set yet, so no window can open).</summary>
    public async Task<string> FeeRecipientAsync(CancellationToken ct = default) =>
        ChainAddress.ToChecksum(await CallAsync<ET.FeeRecipientFunction, string>(new(), ct).ConfigureAwait(false));

    public Task<bool> HasRoleAsync(byte[] role, string account, CancellationToken ct = default) =>
        CallAsync<ET.HasRoleFunction, bool>(new() { Role = role, Account = account }, ct);

    /// <summary>The contract's MAX_* constants (four concurrent calls).</summary>
    public async Task<MarketLimits> GetLimitsAsync(CancellationToken ct = default)
    {
        var energy = CallAsync<ET.MaxEnergyWhFunction, BigInteger>(new(), ct);
        var distance = CallAsync<ET.MaxDistanceMFunction, BigInteger>(new(), ct);
        var price = CallAsync<ET.MaxPriceFunction, BigInteger>(new(), ct);
        var matches = CallAsync<ET.MaxMatchesPerBidFunction, BigInteger>(new(), ct);
        return new MarketLimits((ulong)await energy.ConfigureAwait(false), (uint)await distance.ConfigureAwait(false),
            await price.ConfigureAwait(false), (uint)await matches.ConfigureAwait(false));
    }

    private static ET.SubmitOfferFunction Offer(ulong windowId, byte[] meter, ulong energyWh, BigInteger minPrice, uint maxDistanceM,
        BigInteger value, BigInteger? gas) =>
        new() { WindowId = windowId, MeterId = meter, EnergyWh = energyWh, MinPrice = minPrice, MaxDistanceM = maxDistanceM, AmountToSend = value, Gas = gas };

    private static ET.SubmitBidFunction Bid(ulong windowId, byte[] meter, ulong energyWh, BigInteger maxPrice, uint maxDistanceM,
        BigInteger value, BigInteger? gas) =>
        new() { WindowId = windowId, MeterId = meter, EnergyWh = energyWh, MaxPrice = maxPrice, MaxDistanceM = maxDistanceM, AmountToSend = value, Gas = gas };
}
