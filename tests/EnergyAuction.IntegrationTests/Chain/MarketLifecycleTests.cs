using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Services;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>The typed services against the real contracts on one Hardhat node, deployed by scripts/deploy.js.
/// The deployer (account 0) is admin, operator and the Operator's authorised sender; every test opens its own window.</summary>
[NonParallelizable]
public sealed class MarketLifecycleTests
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    private HardhatNode _node = null!;
    private MarketDeploymentRecord _deployment = null!;
    private MarketClient _operator = null!;
    private AccountKey _seller = null!, _buyer1 = null!, _buyer2 = null!, _dso = null!;

    [OneTimeSetUp]
    public async Task StartMarket()
    {
        _node = await HardhatNode.StartAsync();
        _deployment = MarketDeploymentRecord.Load(await MarketDeployment.DeployAsync(_node));
        _operator = new MarketClient(_node.Rpc, _deployment, _node.Accounts[0]);
        (_seller, _buyer1, _buyer2, _dso) = (_node.Accounts[1], _node.Accounts[2], _node.Accounts[3], _node.Accounts[4]);
        foreach (var (key, meter, bus) in new[] { (_seller, "S-1", 1u), (_buyer1, "B-1", 4u), (_buyer2, "B-2", 5u) })
        {
            await _operator.DataAccess.RegisterMeterAsync(meter, key.Address, bus);
            await _operator.As(key).DataAccess.GrantAccessAsync(meter, _deployment.EnergyTrade);
        }
    }

    [OneTimeTearDown]
    public async Task StopNode()
    {
        _operator?.Dispose();
        if (_node is not null) await _node.DisposeAsync();
    }

    [Test]
    public async Task The_deployment_record_describes_the_wired_market()
    {
        Assert.Multiple(async () =>
        {
            Assert.That(_deployment.ChainId, Is.EqualTo((ulong)HardhatNode.ChainId));
            Assert.That(await _operator.Trade.DataAccessAsync(), Is.EqualTo(_deployment.DataAccess));
            Assert.That(await _operator.Trade.OracleClientAsync(), Is.EqualTo(_deployment.EnergyOracleClient));
            Assert.That(await _operator.OracleClient.OperatorAsync(), Is.EqualTo(_deployment.Operator));
            Assert.That(await _operator.OracleClient.FeeAsync(), Is.EqualTo(_deployment.OracleFee));
            Assert.That(await _operator.OracleClient.JobIdAsync(), Is.EqualTo(_deployment.JobId));
            Assert.That(await _operator.Operator.IsAuthorizedSenderAsync(_node.Accounts[0].Address), Is.True);
            Assert.That(await _operator.Operator.IsAuthorizedSenderAsync(_seller.Address), Is.False);
            Assert.That(await _operator.Link.BalanceOfAsync(_deployment.EnergyOracleClient), Is.GreaterThanOrEqualTo(_deployment.OracleFee * 10));
            Assert.That(await _operator.Trade.HasRoleAsync(EnergyTradeService.OperatorRole, _node.Accounts[0].Address), Is.True);
            Assert.That(await _operator.Trade.GetLimitsAsync(), Is.EqualTo(new MarketLimits((1UL << 40) - 1, (1u << 24) - 1, BigInteger.Pow(2, 80) - 1, 255)));
        });
    }

    [Test]
    public async Task Meters_are_registered_with_owner_bus_and_access()
    {
        var meter = await _operator.DataAccess.MeterOfAsync("B-2");
        Assert.That(meter, Is.EqualTo(new MeterInfo(_buyer2.Address, 5)));
        Assert.That(await _operator.DataAccess.HasAccessAsync("B-2", _deployment.EnergyTrade), Is.True);
        Assert.That((await _operator.DataAccess.MeterOfAsync("X-9")).IsRegistered, Is.False);
        var registered = await _operator.DataAccess.GetEventsAsync<MeterRegisteredEvent>(_deployment.Block);
        Assert.That(registered.Select(e => (MeterId.FromBytes32(e.Event.MeterId), e.Event.Owner, e.Event.Bus)),
            Is.SupersetOf(new[] { ("S-1", _seller.Address, 1u), ("B-1", _buyer1.Address, 4u), ("B-2", _buyer2.Address, 5u) }));
    }

    [Test]
    public async Task A_validated_window_runs_from_opening_to_withdrawal()
    {
        var trade = _operator.Trade;
        var parameters = WindowParams.ForTests(_dso.Address, validateOffers: true);
        var (windowId, openReceipt) = await trade.OpenWindowAsync(parameters);
        var opened = trade.DecodeEvents<WindowOpenedEvent>(openReceipt).Single();
        Assert.That(opened.Params, Is.EqualTo(parameters), "WindowOpened carries the parameters as sent");

        // The offer waits for the oracle: read the Operator's request and answer it as the authorised node.
        var seller = _operator.As(_seller);
        var (offerId, offerReceipt) = await seller.Trade.SubmitOfferAsync(windowId, "S-1", 10_000, 100 * Gwei);
        Assert.That((await trade.GetOrderAsync(offerId)).Status, Is.EqualTo(OrderStatus.PendingValidation));
        var request = _operator.Operator.DecodeOracleRequests(offerReceipt).Single();
        var queried = await _operator.Operator.GetOracleRequestsAsync(offerReceipt.BlockNumber, offerReceipt.BlockNumber);
        Assert.That(queried.Single().Event.RequestId, Is.EqualTo(request.RequestId));
        Assert.That(request.CallbackAddr, Is.EqualTo(_deployment.EnergyOracleClient));
        var reading = _operator.OracleClient.DecodeEvents<ReadingRequestedEvent>(offerReceipt).Single();
        Assert.That((reading.OrderId, reading.Kind, reading.Url), Is.EqualTo((offerId, ReadingKind.AvailableEnergy, "http://127.0.0.1:5080/battery-soc/S-1")));
        var validation = await _operator.Operator.FulfillOracleRequest2Async(request, 12_000);
        Assert.That(trade.DecodeEvents<OfferValidatedEvent>(validation).Single(), Is.EqualTo(new OfferValidatedEvent(offerId, 12_000)));

        var (bid1, bid1Receipt) = await _operator.As(_buyer1).Trade.SubmitBidAsync(windowId, "B-1", 6_000, 150 * Gwei);
        var (bid2, _) = await _operator.As(_buyer2).Trade.SubmitBidAsync(windowId, "B-2", 4_000, 140 * Gwei);
        var bid1Event = trade.DecodeEvents<BidSubmittedEvent>(bid1Receipt).Single();
        var escrow1 = await trade.BidEscrowAsync(windowId, 6_000, 150 * Gwei);
        Assert.That((bid1Event.Owner, MeterId.FromBytes32(bid1Event.MeterId), bid1Event.EnergyWh, bid1Event.Deposit), Is.EqualTo((_buyer1.Address, "B-1", 6_000UL, escrow1)));
        Assert.That(await trade.GetWindowOrderIdsAsync(windowId), Is.EqualTo(new[] { offerId, bid1, bid2 }));

        // Matching: one price, two batches, the hash committed as the contract tests compute it.
        var window = await trade.GetWindowAsync(windowId);
        await _node.IncreaseTimeAsync((long)(window.BiddingDeadline - await _node.LatestTimestampAsync()));
        var toMatching = await trade.AdvancePhaseAsync(windowId);
        Assert.That(trade.DecodeEvents<PhaseChangedEvent>(toMatching).Single().Phase, Is.EqualTo(WindowPhase.Matching));
        var price = 125 * Gwei + 11;
        ChainMatch[] matches = [new(offerId, bid1, 6_000, 450), new(offerId, bid2, 4_000, 800)];
        await trade.PostClearingAsync(windowId, price, matches[..1]);
        var posted = await trade.PostClearingAsync(windowId, price, matches[1..]);
        Assert.That(trade.DecodeEvents<ClearingPostedEvent>(posted).Single(), Is.EqualTo(new ClearingPostedEvent(windowId, price, 1, 2)));
        var resultHash = ClearingResultHash.Compute(windowId, price, matches);
        var finalised = await trade.FinaliseClearingAsync(windowId, resultHash);
        Assert.That(trade.DecodeEvents<ClearingFinalisedEvent>(finalised).Single().ResultHash, Is.EqualTo(resultHash));
        Assert.That(await trade.GetWindowMatchesAsync(windowId, 0, 10), Is.EqualTo(matches));
        window = await trade.GetWindowAsync(windowId);
        Assert.That((window.Phase, window.Price, window.ResultHash, window.UnsettledBids), Is.EqualTo((WindowPhase.EnergyTransfer, price, resultHash, 2UL)));

        // Settlement: both buyers' meters report full delivery through the oracle.
        await _node.IncreaseTimeAsync((long)(window.TransferDeadline - await _node.LatestTimestampAsync()));
        await trade.AdvancePhaseAsync(windowId);
        var readings = await trade.RequestDeliveryReadingsAsync(windowId, [bid1, bid2]);
        var received = new Dictionary<ulong, ulong> { [bid1] = 6_000, [bid2] = 4_000 };
        var deliveryRequests = _operator.OracleClient.DecodeEvents<ReadingRequestedEvent>(readings);
        Assert.That(deliveryRequests.Select(r => r.Url), Is.EqualTo(new[] { "B-1", "B-2" }.Select(m =>
            $"http://127.0.0.1:5080/meters/{m}/energy?from={window.MatchingDeadline}&to={window.TransferDeadline}")));
        var settled = new List<MatchSettledEvent>();
        foreach (var r in _operator.Operator.DecodeOracleRequests(readings))
        {
            var bid = deliveryRequests.Single(d => d.RequestId.SequenceEqual(r.RequestId)).OrderId;
            settled.AddRange(trade.DecodeEvents<MatchSettledEvent>(await _operator.Operator.FulfillOracleRequest2Async(r, received[bid])));
        }
        Assert.That(settled.Select(s => (s.BidId, s.DeliveredWh, s.Penalty)), Is.EqualTo(new[] { (bid1, (BigInteger)6_000, BigInteger.Zero), (bid2, (BigInteger)4_000, BigInteger.Zero) }));

        var closed = await trade.CloseWindowAsync(windowId);
        Assert.That(trade.DecodeEvents<WindowClosedEvent>(closed).Single().WindowId, Is.EqualTo(windowId));
        Assert.That(trade.DecodeEvents<WindowClosingEvent>(closed).Single(), Is.EqualTo(new WindowClosingEvent(windowId, 3, 3)));
        var closedWindow = await trade.GetWindowAsync(windowId);
        Assert.That((closedWindow.Phase, closedWindow.ReleasedOrders), Is.EqualTo((WindowPhase.Closed, closedWindow.OrderCount)));

        // Pay-outs by the settlement rule, to the wei: the grid fee is split between seller and buyer.
        BigInteger Cost(BigInteger wh, BigInteger perKwh) => wh * perKwh / 1000;
        BigInteger Fee(ChainMatch m) => (BigInteger)m.EnergyWh * parameters.GridCharge * m.DistanceM / 1_000_000;
        var sellerOwed = matches.Aggregate(Cost(10_000, parameters.PenaltyRate), (sum, m) => sum + Cost(m.EnergyWh, price) - Fee(m) / 2);
        var buyer1Owed = escrow1 - (Cost(6_000, price) + Fee(matches[0]) - Fee(matches[0]) / 2);
        Assert.Multiple(async () =>
        {
            Assert.That(await trade.WithdrawableAsync(_seller.Address), Is.EqualTo(sellerOwed));
            Assert.That(await trade.WithdrawableAsync(_buyer1.Address), Is.EqualTo(buyer1Owed));
            Assert.That(await trade.WithdrawableAsync(_dso.Address), Is.EqualTo(Fee(matches[0]) + Fee(matches[1])));
        });

        var before = await _node.Rpc.GetBalanceAsync(_seller.Address);
        var withdrawal = await seller.Trade.WithdrawAsync();
        var after = await _node.Rpc.GetBalanceAsync(_seller.Address);
        Assert.That(trade.DecodeEvents<WithdrawnEvent>(withdrawal).Single(), Is.EqualTo(new WithdrawnEvent(_seller.Address, _seller.Address, sellerOwed)));
        Assert.That(after - before + withdrawal.GasUsed * withdrawal.EffectiveGasPrice, Is.EqualTo(sellerOwed));
        Assert.That(await trade.WithdrawableAsync(_seller.Address), Is.EqualTo(BigInteger.Zero));
    }

    [Test]
    public async Task Events_are_queried_by_block_range_and_indexed_field()
    {
        var (first, _) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests(_dso.Address));
        var (second, receipt) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests(_dso.Address, mechanism: Mechanism.Uniform));
        var bySecondId = await _operator.Trade.GetEventsAsync<WindowOpenedEvent>(_deployment.Block, null, second);
        Assert.That(bySecondId.Single().Event.Params.Mechanism, Is.EqualTo(Mechanism.Uniform));
        Assert.That(bySecondId.Single().BlockNumber, Is.EqualTo(receipt.BlockNumber));
        var inLastBlock = await _operator.Trade.GetEventsAsync<WindowOpenedEvent>(receipt.BlockNumber, receipt.BlockNumber);
        Assert.That(inLastBlock.Select(e => e.Event.WindowId), Is.EqualTo(new[] { second }));
        Assert.That(second, Is.EqualTo(first + 1));
        Assert.That(await _operator.Trade.WindowCountAsync(), Is.GreaterThanOrEqualTo(second));
    }

    [Test]
    public async Task An_order_after_the_bidding_deadline_reverts_with_WrongPhase_and_its_arguments()
    {
        var (windowId, _) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests(_dso.Address));
        var window = await _operator.Trade.GetWindowAsync(windowId);
        await _node.IncreaseTimeAsync((long)(window.BiddingDeadline - await _node.LatestTimestampAsync()));
        await _operator.Trade.AdvancePhaseAsync(windowId);
        var buyer = _operator.As(_buyer1).Trade;
        var error = Assert.ThrowsAsync<ContractRevertException>(() => buyer.SubmitBidAsync(windowId, "B-1", 1_000, 100 * Gwei));
        Assert.That(error!.ErrorName, Is.EqualTo("WrongPhase"));
        Assert.That(error.Arguments, Is.EqualTo(new object[] { (BigInteger)windowId, (BigInteger)(int)WindowPhase.BiddingOffering, (BigInteger)(int)WindowPhase.Matching }));
        Assert.That(error.Message, Does.Contain("EnergyTrade reverted: WrongPhase("));
    }

    [Test]
    public async Task A_bid_on_someone_elses_meter_reverts_and_keeps_the_money()
    {
        var (windowId, _) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests(_dso.Address));
        var before = await _node.Rpc.GetBalanceAsync(_buyer2.Address);
        var error = Assert.ThrowsAsync<ContractRevertException>(() => _operator.As(_buyer2).Trade.SubmitBidAsync(windowId, "B-1", 1_000, 100 * Gwei));
        Assert.That(error!.ErrorName, Is.EqualTo("NotMeterOwner"));
        Assert.That(await _node.Rpc.GetBalanceAsync(_buyer2.Address), Is.EqualTo(before), "estimation fails before anything is sent");
    }

    [Test]
    public async Task A_cancelled_bid_makes_its_escrow_withdrawable()
    {
        var (windowId, _) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests(_dso.Address));
        var buyer = _operator.As(_buyer2).Trade;
        var owedBefore = await buyer.WithdrawableAsync(_buyer2.Address);
        var (bidId, _) = await buyer.SubmitBidAsync(windowId, "B-2", 2_500, 130 * Gwei);
        var escrow = (await buyer.GetOrderAsync(bidId)).Deposit;
        var cancelled = await buyer.CancelOrderAsync(bidId);
        Assert.That(buyer.DecodeEvents<OrderCancelledEvent>(cancelled).Single(), Is.EqualTo(new OrderCancelledEvent(windowId, bidId, _buyer2.Address)));
        Assert.That(buyer.DecodeEvents<CreditedEvent>(cancelled).Single(), Is.EqualTo(new CreditedEvent(_buyer2.Address, escrow)));
        Assert.That(await buyer.WithdrawableAsync(_buyer2.Address), Is.EqualTo(owedBefore + escrow));
        var byOwner = await buyer.GetEventsAsync<BidSubmittedEvent>(_deployment.Block, null, windowId, null, _buyer2.Address);
        Assert.That(byOwner.Single().Event.OrderId, Is.EqualTo(bidId));
        Assert.That((await buyer.GetOrderAsync(bidId)).Status, Is.EqualTo(OrderStatus.Cancelled));
    }

    [Test]
    public void A_read_only_client_refuses_to_send()
    {
        using var readOnly = new MarketClient(_node.Rpc, _deployment);
        Assert.That(() => readOnly.Trade.WithdrawAsync(), Throws.InvalidOperationException.With.Message.Contains("no key"));
    }
}
