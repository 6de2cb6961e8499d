using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Services;
using EnergyAuction.Chain.Contracts;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>The typed services against the real contracts on one Hardhat node, deployed by scripts/deploy.js.
/// The deployer (account 0) is admin, operator and the Operator's authorised sender, the dev registrar the DSO; every
/// test opens its own window.</summary>
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
        var parties = MarketParties.Of(_node);
        _deployment = MarketDeploymentRecord.Load(await MarketDeployment.DeployAsync(_node, feeRecipientAddress: parties.Dso.Address));
        _operator = new MarketClient(_node.Rpc, _deployment, _node.Accounts[0]);
        (_seller, _buyer1, _buyer2, _dso) = (parties.Seller, parties.Buyer1, parties.Buyer2, parties.Dso);
        await parties.RegisterMetersAsync(_operator);
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
            Assert.That(await _operator.Trade.GetLimitsAsync(), Is.EqualTo(new MarketLimits((1UL << 40) - 1, (1u << 24) - 1, BigInteger.Pow(2, 80) - 1, (uint)EnergyAuction.Market.MarketLimits.MaxMatchesPerBid)));
            Assert.That(_deployment.Registrar, Is.EqualTo(HardhatAccounts.Registrar.Address));
            Assert.That(await _operator.DataAccess.HasRoleAsync(DataAccessService.RegistrarRole, HardhatAccounts.Registrar.Address), Is.True);
            Assert.That(await _operator.DataAccess.HasRoleAsync(DataAccessService.RegistrarRole, _node.Accounts[0].Address), Is.False,
                "the operator registers no meters");
            Assert.That(await _operator.Trade.FeeRecipientAsync(), Is.EqualTo(_dso.Address));
        });
    }

    [Test]
    public async Task The_devnet_registrar_recorded_the_distance_between_every_two_load_buses_of_the_ieee_feeder()
    {
        var feeder = Data.SharedDataDirectory.FeederDirectory(RepoPaths.SharedDataDir);
        var registry = EnergyAuction.Clearing.RegistryDistances.Of(feeder);
        Assume.That(registry.IsFallback, Is.False, $"needs the IEEE feeder in {feeder}");
        var expected = registry.Pairs;

        var buses = expected.SelectMany(d => new[] { d.BusA, d.BusB }).Distinct().Count();
        Assert.That(expected, Has.Count.EqualTo(buses * (buses - 1) / 2), "every pair once");
        Assert.That(expected.Max(d => d.Metres), Is.EqualTo(318u), "the feeder's farthest load buses (the daemon's default L)");
        // M-7 on bus 178 and M-8 on bus 208 are 50 m apart (README's household guide); asked in either order.
        Assert.That(await _operator.DataAccess.DistanceBetweenAsync(208, 178), Is.EqualTo(50UL));
        foreach (var (a, b, metres) in new[] { expected[0], expected[expected.Count / 2], expected[^1] })
            Assert.That(await _operator.DataAccess.DistanceBetweenAsync(a, b), Is.EqualTo((ulong)metres), $"{a}-{b}");
        Assert.That(await _operator.DataAccess.DistanceBetweenAsync(178, 1), Is.Null, "bus 1 holds no load: not recorded");
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
    public async Task A_validated_window_runs_from_opening_to_withdrawal() =>
        await ValidatedWindowRun.RunAsync(_node, _operator, new MarketParties(_seller, _buyer1, _buyer2, _dso));

    [Test]
    public async Task A_retracted_clearing_leaves_the_window_unpriced_and_its_orders_unallocated_for_a_corrected_one()
    {
        // Households of its own (buses 6, 7, 8), so the finalised window leaves no open order on the shared meters.
        var (seller, buyer1, buyer2) = (_node.Accounts[5], _node.Accounts[6], _node.Accounts[7]);
        using (var registrar = _operator.As(HardhatAccounts.Registrar))
        {
            foreach (var (key, meter, bus) in new[] { (seller, "R-S", 6u), (buyer1, "R-B1", 7u), (buyer2, "R-B2", 8u) })
            {
                await registrar.DataAccess.RegisterMeterAsync(meter, key.Address, bus);
                await _operator.As(key).DataAccess.GrantAccessAsync(meter, _deployment.EnergyTrade);
            }
            await registrar.DataAccess.RecordDistancesAsync([(6, 7, 450), (6, 8, 800)]);
        }
        var trade = _operator.Trade;
        var (windowId, _) = await trade.OpenWindowAsync(WindowParams.ForTests());
        var (offer, _) = await _operator.As(seller).Trade.SubmitOfferAsync(windowId, "R-S", 10_000, 100 * Gwei);
        var (bid1, _) = await _operator.As(buyer1).Trade.SubmitBidAsync(windowId, "R-B1", 6_000, 150 * Gwei);
        var (bid2, _) = await _operator.As(buyer2).Trade.SubmitBidAsync(windowId, "R-B2", 4_000, 140 * Gwei);
        await _node.PassDeadlineAsync((await trade.GetWindowAsync(windowId)).BiddingDeadline);
        await trade.AdvancePhaseAsync(windowId);
        var price = 125 * Gwei + 11;
        await trade.PostClearingAsync(windowId, price,
            [new(offer, bid1, 6_000, 450), new(offer, bid2, 4_000, 800)]);
        var posted = await trade.GetWindowAsync(windowId);

        await trade.RetractClearingAsync(windowId);

        var retracted = await trade.GetWindowAsync(windowId);
        var matched = new List<ulong>();
        foreach (var order in new[] { offer, bid1, bid2 }) matched.Add((await trade.GetOrderAsync(order)).MatchedWh);
        Assert.Multiple(() =>
        {
            Assert.That((posted.Price, posted.MatchCount, posted.ResultHash.Any(b => b != 0)), Is.EqualTo((price, 2UL, true)), "the posted clearing");
            Assert.That((retracted.Phase, retracted.Price, retracted.MatchCount), Is.EqualTo((WindowPhase.Matching, BigInteger.Zero, 0UL)));
            Assert.That(retracted.ResultHash, Is.EqualTo(new byte[32]), "no result hash");
            Assert.That(matched, Is.EqualTo(new[] { 0UL, 0UL, 0UL }), "no order keeps an allocation");
        });

        // The operator's corrected clearing posts and finalises as if the first had never been.
        ChainMatch[] corrected = [new(offer, bid1, 6_000, 450)];
        await trade.PostClearingAsync(windowId, price, corrected);
        var finalised = trade.DecodeEvents<ClearingFinalisedEvent>(await trade.FinaliseClearingAsync(windowId)).Single();
        Assert.That((finalised.MatchCount, finalised.ResultHash), Is.EqualTo((1UL, ClearingResultHash.Compute(windowId, price, corrected))));
        Assert.That((await trade.GetOrderAsync(bid2)).MatchedWh, Is.Zero, "the bid the corrected clearing leaves out");
    }

    [Test]
    public async Task Events_are_queried_by_block_range_and_indexed_field()
    {
        var (first, _) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests());
        var (second, receipt) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests(mechanism: Mechanism.Uniform));
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
        var (windowId, _) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests());
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
        var (windowId, _) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests());
        var before = await _node.Rpc.GetBalanceAsync(_buyer2.Address);
        var error = Assert.ThrowsAsync<ContractRevertException>(() => _operator.As(_buyer2).Trade.SubmitBidAsync(windowId, "B-1", 1_000, 100 * Gwei));
        Assert.That(error!.ErrorName, Is.EqualTo("NotMeterOwner"));
        Assert.That(await _node.Rpc.GetBalanceAsync(_buyer2.Address), Is.EqualTo(before), "estimation fails before anything is sent");
    }

    [Test]
    public async Task A_cancelled_bid_makes_its_escrow_withdrawable()
    {
        var (windowId, _) = await _operator.Trade.OpenWindowAsync(WindowParams.ForTests());
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
