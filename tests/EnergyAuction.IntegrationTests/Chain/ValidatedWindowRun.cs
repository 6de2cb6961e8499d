using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Chain.Rpc;
using EnergyAuction.Chain.Services;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>One whole validated window through the typed services, asserted step by step: opened, an offer validated
/// through the oracle, two bids, clearing posted in two batches and finalised, delivery readings through the oracle,
/// settled, closed, everyone withdraws, and the money conserved to the wei. Run on Hardhat and on anvil.</summary>
internal static class ValidatedWindowRun
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    /// <summary>Runs the window with <paramref name="admin"/> as operator and oracle node; returns the seller's withdrawal.</summary>
    public static async Task<TransactionReceipt> RunAsync(DevChainNode node, MarketClient admin, MarketParties parties)
    {
        var trade = admin.Trade;
        var deployment = admin.Deployment;
        var everyone = new[] { parties.Seller, parties.Buyer1, parties.Buyer2, parties.Dso };
        // Other tests on the same node may have left credits and deposits behind; only this window's money is compared.
        var heldBefore = await node.Rpc.GetBalanceAsync(deployment.EnergyTrade);
        var owedBefore = new Dictionary<string, BigInteger>();
        foreach (var key in everyone) owedBefore[key.Address] = await trade.WithdrawableAsync(key.Address);

        var parameters = WindowParams.ForTests(validateOffers: true);
        var (windowId, openReceipt) = await trade.OpenWindowAsync(parameters);
        var opened = trade.DecodeEvents<WindowOpenedEvent>(openReceipt).Single();
        Assert.That(opened.Params, Is.EqualTo(parameters), "WindowOpened carries the parameters as sent");

        // The offer waits for the oracle: read the Operator's request and answer it as the authorised node.
        var seller = admin.As(parties.Seller);
        var (offerId, offerReceipt) = await seller.Trade.SubmitOfferAsync(windowId, "S-1", 10_000, 100 * Gwei);
        Assert.That((await trade.GetOrderAsync(offerId)).Status, Is.EqualTo(OrderStatus.PendingValidation));
        var request = admin.Operator.DecodeOracleRequests(offerReceipt).Single();
        var queried = await admin.Operator.GetOracleRequestsAsync(offerReceipt.BlockNumber, offerReceipt.BlockNumber);
        Assert.That(queried.Single().Event.RequestId, Is.EqualTo(request.RequestId));
        Assert.That(request.CallbackAddr, Is.EqualTo(deployment.EnergyOracleClient));
        var reading = admin.OracleClient.DecodeEvents<ReadingRequestedEvent>(offerReceipt).Single();
        Assert.That((reading.OrderId, reading.Kind, reading.Url), Is.EqualTo((offerId, ReadingKind.AvailableEnergy, "http://127.0.0.1:5080/battery-soc/S-1")));
        var validation = await admin.Operator.FulfillOracleRequest2Async(request, 12_000);
        Assert.That(trade.DecodeEvents<OfferValidatedEvent>(validation).Single(), Is.EqualTo(new OfferValidatedEvent(offerId, 12_000)));

        var (bid1, bid1Receipt) = await admin.As(parties.Buyer1).Trade.SubmitBidAsync(windowId, "B-1", 6_000, 150 * Gwei);
        var (bid2, _) = await admin.As(parties.Buyer2).Trade.SubmitBidAsync(windowId, "B-2", 4_000, 140 * Gwei);
        var bid1Event = trade.DecodeEvents<BidSubmittedEvent>(bid1Receipt).Single();
        var escrow1 = await trade.BidEscrowAsync(windowId, 6_000, 150 * Gwei);
        Assert.That((bid1Event.Owner, MeterId.FromBytes32(bid1Event.MeterId), bid1Event.EnergyWh, bid1Event.Deposit), Is.EqualTo((parties.Buyer1.Address, "B-1", 6_000UL, escrow1)));
        Assert.That(await trade.GetWindowOrderIdsAsync(windowId), Is.EqualTo(new[] { offerId, bid1, bid2 }));
        var deposited = BigInteger.Zero;
        foreach (var order in new[] { offerId, bid1, bid2 }) deposited += (await trade.GetOrderAsync(order)).Deposit;
        Assert.That(await node.Rpc.GetBalanceAsync(deployment.EnergyTrade), Is.EqualTo(heldBefore + deposited), "EnergyTrade holds exactly the deposits");

        // Matching: one price, two batches; the contract's own hash of them is ClearingResultHash's.
        var window = await trade.GetWindowAsync(windowId);
        await node.PassDeadlineAsync(window.BiddingDeadline);
        var toMatching = await trade.AdvancePhaseAsync(windowId);
        Assert.That(trade.DecodeEvents<PhaseChangedEvent>(toMatching).Single().Phase, Is.EqualTo(WindowPhase.Matching));
        var price = 125 * Gwei + 11;
        ChainMatch[] matches = [new(offerId, bid1, 6_000, 450), new(offerId, bid2, 4_000, 800)];
        await trade.PostClearingAsync(windowId, price, matches[..1]);
        var posted = await trade.PostClearingAsync(windowId, price, matches[1..]);
        Assert.That(trade.DecodeEvents<ClearingPostedEvent>(posted).Single(), Is.EqualTo(new ClearingPostedEvent(windowId, price, 1, 2)));
        var resultHash = ClearingResultHash.Compute(windowId, price, matches);
        var finalised = await trade.FinaliseClearingAsync(windowId);
        Assert.That(trade.DecodeEvents<ClearingFinalisedEvent>(finalised).Single().ResultHash, Is.EqualTo(resultHash));
        Assert.That(await trade.GetWindowMatchesAsync(windowId, 0, 10), Is.EqualTo(matches));
        window = await trade.GetWindowAsync(windowId);
        Assert.That((window.Phase, window.Price, window.ResultHash, window.UnsettledBids), Is.EqualTo((WindowPhase.EnergyTransfer, price, resultHash, 2UL)));

        // Settlement: the seller's and both buyers' meters report full delivery through the oracle, then anyone settles.
        await node.PassDeadlineAsync(window.TransferDeadline);
        await trade.AdvancePhaseAsync(windowId);
        var readings = await trade.RequestReadingsAsync(windowId, [offerId, bid1, bid2]);
        var read = new Dictionary<ulong, ulong> { [offerId] = 10_000, [bid1] = 6_000, [bid2] = 4_000 };
        // One oracle request for the three meters, answered as a Chainlink job ABI-encodes the HEMS /readings answer.
        var batch = admin.OracleClient.DecodeEvents<ReadingsRequestedEvent>(readings).Single();
        Assert.That(batch.Url, Is.EqualTo($"http://127.0.0.1:5080/readings?from={window.MatchingDeadline}&to={window.TransferDeadline}&meters=S-1,B-1,B-2"));
        Assert.That(batch.OrderIds, Is.EqualTo(new[] { offerId, bid1, bid2 }));
        var oracleRequest = admin.Operator.DecodeOracleRequests(readings).Single();
        var answer = batch.OrderIds.Select((order, i) => new HemsMeterReading(batch.MeterIds[i], read[order], read[order], true)).ToList();
        await admin.Operator.FulfillOracleRequest2Async(oracleRequest, OracleOperatorService.EncodeReadingsFulfilment(oracleRequest.RequestId, answer));
        var settled = trade.DecodeEvents<MatchSettledEvent>(await admin.As(parties.Buyer1).Trade.SettleAsync(windowId, [bid1, bid2]));
        Assert.That(settled.Select(s => (s.BidId, s.TradedWh, s.SellerPenalty, s.BuyerPenalty)),
            Is.EqualTo(new[] { (bid1, (BigInteger)6_000, BigInteger.Zero, BigInteger.Zero), (bid2, (BigInteger)4_000, BigInteger.Zero, BigInteger.Zero) }));

        var closed = await trade.CloseWindowAsync(windowId, await trade.MaxOrdersPerReleaseAsync());
        Assert.That(trade.DecodeEvents<WindowClosedEvent>(closed).Single().WindowId, Is.EqualTo(windowId));
        Assert.That(trade.DecodeEvents<WindowClosingEvent>(closed).Single(), Is.EqualTo(new WindowClosingEvent(windowId, 3, 3)));
        var closedWindow = await trade.GetWindowAsync(windowId);
        Assert.That((closedWindow.Phase, closedWindow.ReleasedOrders), Is.EqualTo((WindowPhase.Closed, closedWindow.OrderCount)));

        // Pay-outs by the settlement rule, to the wei: each side pays the fee half, rounded down; the DSO gets both.
        BigInteger Cost(BigInteger wh, BigInteger perKwh) => wh * perKwh / 1000;
        BigInteger FeeHalf(ChainMatch m) => (BigInteger)m.EnergyWh * parameters.GridCharge * m.DistanceM / 2_000_000;
        var sellerOwed = matches.Aggregate(Cost(10_000, parameters.PenaltyRate), (sum, m) => sum + Cost(m.EnergyWh, price) - FeeHalf(m));
        var buyer1Owed = escrow1 - (Cost(6_000, price) + FeeHalf(matches[0]));
        var credited = new Dictionary<string, BigInteger>();
        foreach (var key in everyone) credited[key.Address] = await trade.WithdrawableAsync(key.Address) - owedBefore[key.Address];
        Assert.Multiple(() =>
        {
            Assert.That(credited[parties.Seller.Address], Is.EqualTo(sellerOwed));
            Assert.That(credited[parties.Buyer1.Address], Is.EqualTo(buyer1Owed));
            Assert.That(credited[parties.Dso.Address], Is.EqualTo(2 * (FeeHalf(matches[0]) + FeeHalf(matches[1]))));
            Assert.That(credited.Values.Aggregate(BigInteger.Add), Is.EqualTo(deposited), "every wei deposited is credited to someone");
        });

        // Everyone withdraws; each gets exactly what was owed (net of gas) and EnergyTrade keeps nothing of this window.
        TransactionReceipt sellerWithdrawal = null!;
        foreach (var key in everyone)
        {
            var owed = owedBefore[key.Address] + credited[key.Address];
            var before = await node.Rpc.GetBalanceAsync(key.Address);
            var withdrawal = await admin.As(key).Trade.WithdrawAsync();
            var after = await node.Rpc.GetBalanceAsync(key.Address);
            Assert.That(trade.DecodeEvents<WithdrawnEvent>(withdrawal).Single(), Is.EqualTo(new WithdrawnEvent(key.Address, key.Address, owed)));
            Assert.That(after - before + withdrawal.GasUsed * withdrawal.EffectiveGasPrice, Is.EqualTo(owed));
            Assert.That(await trade.WithdrawableAsync(key.Address), Is.EqualTo(BigInteger.Zero));
            if (key == parties.Seller) sellerWithdrawal = withdrawal;
        }
        var owedBeforeTotal = owedBefore.Values.Aggregate(BigInteger.Add);
        Assert.That(await node.Rpc.GetBalanceAsync(deployment.EnergyTrade), Is.EqualTo(heldBefore - owedBeforeTotal), "EnergyTrade keeps nothing of the window");
        return sellerWithdrawal;
    }
}
