using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Crypto;
using EnergyAuction.Chain.Events;
using EnergyAuction.Devnet;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.IntegrationTests.Chain;

/// <summary>The contract and the C# engine (<see cref="BothSideSettlement"/>) settle the same windows to the wei, on a
/// real Hardhat node: random books and matches, random readings on both sides, silent meters and meters whose owners
/// revoked the market's access after clearing (missing readings), every order paying a non-zero order fee. Match by
/// match (both sides, traded, fee half, both penalties), every order's refund, the DSO's fees and the operator's order
/// fees.</summary>
[NonParallelizable]
public sealed class SettlementAgreementTests
{
    private const int Windows = 6;
    private const int OrdersPerSide = 4;
    private static readonly BigInteger Gwei = 1_000_000_000;

    private HardhatNode _node = null!;
    private MarketClient _operator = null!;

    [OneTimeSetUp]
    public async Task StartMarket()
    {
        _node = await HardhatNode.StartAsync();
        _operator = new MarketClient(_node.Rpc, MarketDeploymentRecord.Load(await MarketDeployment.DeployAsync(_node, feeRecipientAddress: _node.Accounts[9].Address)), _node.Accounts[0]);
    }

    [OneTimeTearDown]
    public async Task StopNode()
    {
        _operator?.Dispose();
        if (_node is not null) await _node.DisposeAsync();
    }

    [Test]
    public async Task The_contract_settles_random_windows_as_the_engine_does_to_the_wei()
    {
        var random = new Random(11);
        var seen = new Dictionary<string, int> { ["buyer missing"] = 0, ["seller missing"] = 0, ["revoked"] = 0, ["short"] = 0 };
        for (var w = 0; w < Windows; w++)
            await SettleOneWindowAsync(w, random, seen);
        Assert.That(seen.Values, Is.All.GreaterThan(0), string.Join(", ", seen.Select(s => $"{s.Key}: {s.Value}")));
    }

    private async Task SettleOneWindowAsync(int w, Random random, Dictionary<string, int> seen)
    {
        var trade = _operator.Trade;
        var dso = _node.Accounts[9]; // the market's fee recipient (deployment above)
        var parameters = WindowParams.ForTests(mechanism: Mechanism.Uniform) with
        {
            SettlementDuration = 3_600,
            GridCharge = random.Next(0, 3) * 700_000_001L,
            PenaltyRate = random.Next(1, 400) * Gwei + random.Next(0, 1_000),
            OrderFee = (w + 1) * 1_000_003L,
        };
        var operatorBefore = await trade.WithdrawableAsync(_operator.Account!);
        var (windowId, _) = await trade.OpenWindowAsync(parameters);

        // One household per order, each on a meter of its own for this window.
        var orders = new List<(ulong Id, AccountKey Owner, string Meter, OrderSide Side, ulong EnergyWh, BigInteger Price)>();
        using var registrar = _operator.As(HardhatAccounts.Registrar);
        for (var i = 0; i < 2 * OrdersPerSide; i++)
        {
            var side = i < OrdersPerSide ? OrderSide.Offer : OrderSide.Bid;
            var owner = _node.Accounts[1 + i];
            var meter = string.Create(CultureInfo.InvariantCulture, $"A{w}-{i}");
            await registrar.DataAccess.RegisterMeterAsync(meter, owner.Address, (uint)(10 * w + i));
            await _operator.As(owner).DataAccess.GrantAccessAsync(meter, _operator.Deployment.EnergyTrade);
            var energy = (ulong)random.Next(1_000, 9_000);
            var price = (side == OrderSide.Offer ? random.Next(40, 100) : random.Next(120, 200)) * Gwei;
            var id = side == OrderSide.Offer
                ? (await _operator.As(owner).Trade.SubmitOfferAsync(windowId, meter, energy, price)).OrderId
                : (await _operator.As(owner).Trade.SubmitBidAsync(windowId, meter, energy, price)).OrderId;
            orders.Add((id, owner, meter, side, energy, price));
        }

        var window = await trade.GetWindowAsync(windowId);
        await _node.PassDeadlineAsync(window.BiddingDeadline);
        await trade.AdvancePhaseAsync(windowId);
        var clearingPrice = random.Next(100, 120) * Gwei + random.Next(0, 1_000);
        var matches = RandomMatches(orders, random, parameters);
        // The DSO's feeder registry holds each match's distance (every order's meter has a bus of its own).
        var busOf = orders.Select((o, i) => (o.Id, Bus: (uint)(10 * w + i))).ToDictionary(x => x.Id, x => x.Bus);
        await registrar.DataAccess.RecordDistancesAsync([.. matches.Select(m => (busOf[m.OfferId], busOf[m.BidId], m.DistanceM))]);
        await trade.PostClearingAsync(windowId, clearingPrice, matches);
        // One batch here; ValidatedWindowRun checks two: the contract's hash is ClearingResultHash's either way.
        var finalised = await trade.FinaliseClearingAsync(windowId);
        Assert.That(trade.DecodeEvents<ClearingFinalisedEvent>(finalised).Single().ResultHash,
            Is.EqualTo(ClearingResultHash.Compute(windowId, clearingPrice, matches)), $"window {windowId}: the result hash");
        await _node.PassDeadlineAsync(window.TransferDeadline);
        await trade.AdvancePhaseAsync(windowId);

        // After clearing: some owners revoke access, some meters stay silent, the rest read anything from 0 to 1.5 times
        // the order's allocation.
        var matched = matches.SelectMany(m => new[] { m.OfferId, m.BidId }).Distinct().ToList();
        var readings = new Dictionary<ulong, BigInteger>();
        foreach (var id in matched)
        {
            var order = orders.Single(o => o.Id == id);
            var allocation = matches.Where(m => m.OfferId == id || m.BidId == id).Sum(m => (long)m.EnergyWh);
            var roll = random.NextDouble();
            if (roll < 0.15)
            {
                await _operator.As(order.Owner).DataAccess.RevokeAccessAsync(order.Meter, _operator.Deployment.EnergyTrade);
                seen["revoked"]++;
            }
            else if (roll >= 0.3)
            {
                var wh = random.Next(0, 3) == 0 ? allocation : random.Next(0, (int)(allocation * 3 / 2) + 1);
                readings[id] = wh;
                if (wh < allocation) seen["short"]++;
            }
        }
        var before = new Dictionary<string, BigInteger>();
        foreach (var key in orders.Select(o => o.Owner).Append(dso))
            before[key.Address] = await trade.WithdrawableAsync(key.Address);
        await OracleNodeReadings.AskAndAnswerAsync(_operator, windowId, matched, readings);
        await _node.PassDeadlineAsync(window.SettlementDeadline);
        var bids = matches.Select(m => m.BidId).Distinct().ToList();
        var settled = trade.DecodeEvents<MatchSettledEvent>(await _operator.As(_node.Accounts[10]).Trade.SettleAsync(windowId, bids));
        await trade.CloseWindowAsync(windowId, await trade.MaxOrdersPerReleaseAsync());

        var engine = BothSideSettlement.Settle(new WindowToSettle(
            new SettlementParameters(parameters.GridCharge, parameters.MaxDistanceM, parameters.PenaltyRate, parameters.OrderFee),
            clearingPrice,
            [.. orders.Where(o => o.Side == OrderSide.Offer).Select(o => new SettlementOffer(Id(o.Id), (long)o.EnergyWh, Allocation(matches, o.Id)))],
            [.. orders.Where(o => o.Side == OrderSide.Bid).Select(o => new SettlementBid(Id(o.Id), (long)o.EnergyWh, o.Price, Allocation(matches, o.Id)))],
            [.. matches.Select(m => new PairedMatch(Id(m.OfferId), Id(m.BidId), (long)m.EnergyWh, m.DistanceM))],
            readings.ToDictionary(r => Id(r.Key), r => (long?)(long)r.Value, StringComparer.Ordinal)));

        Assert.That(settled.Select(s => (s.OfferId, s.BidId, s.BuyerWh, s.SellerWh, s.TradedWh, s.FeeHalf, s.SellerPenalty, s.BuyerPenalty)),
            Is.EquivalentTo(engine.Matches.Select(m => (ulong.Parse(m.OfferId, CultureInfo.InvariantCulture), ulong.Parse(m.BidId, CultureInfo.InvariantCulture),
                (BigInteger)m.BuyerWh, (BigInteger)m.SellerWh, (BigInteger)m.TradedWh, m.FeeHalf, m.SellerPenalty, m.BuyerPenalty))),
            $"window {windowId}: MatchSettled = BothSideSettlement, match by match");
        foreach (var o in orders)
            Assert.That(await trade.WithdrawableAsync(o.Owner.Address) - before[o.Owner.Address], Is.EqualTo(engine.Account(Id(o.Id)).Refund),
                $"window {windowId}: order {o.Id} ({o.Side}) gets back what the engine says");
        Assert.That(await trade.WithdrawableAsync(dso.Address) - before[dso.Address], Is.EqualTo(engine.Dso), $"window {windowId}: the DSO's fees");
        Assert.That(engine.Operator, Is.GreaterThan(BigInteger.Zero));
        Assert.That(await trade.WithdrawableAsync(_operator.Account!) - operatorBefore, Is.EqualTo(engine.Operator),
            $"window {windowId}: the operator's order fees");
        seen["buyer missing"] += settled.Count(s => s.BuyerMissing);
        seen["seller missing"] += settled.Count(s => s.SellerMissing);

        foreach (var o in orders.Where(o => matched.Contains(o.Id)))
            if (!await _operator.DataAccess.HasAccessAsync(o.Meter, _operator.Deployment.EnergyTrade))
                await _operator.As(o.Owner).DataAccess.GrantAccessAsync(o.Meter, _operator.Deployment.EnergyTrade);
    }

    // Offers sell to bids in turn, each match a random part of what both have left, over a distance the grid fee allows.
    private static List<ChainMatch> RandomMatches(
        List<(ulong Id, AccountKey Owner, string Meter, OrderSide Side, ulong EnergyWh, BigInteger Price)> orders, Random random, WindowParams parameters)
    {
        var left = orders.ToDictionary(o => o.Id, o => o.EnergyWh);
        var matches = new List<ChainMatch>();
        foreach (var offer in orders.Where(o => o.Side == OrderSide.Offer))
            foreach (var bid in orders.Where(o => o.Side == OrderSide.Bid).OrderBy(_ => random.Next()))
            {
                var most = Math.Min(left[offer.Id], left[bid.Id]);
                if (most == 0 || random.Next(0, 3) == 0) continue;
                var energy = (ulong)random.NextInt64(1, (long)most + 1);
                matches.Add(new ChainMatch(offer.Id, bid.Id, energy, (uint)random.Next(0, (int)parameters.MaxDistanceM / 4)));
                left[offer.Id] -= energy;
                left[bid.Id] -= energy;
            }
        return matches;
    }

    private static long Allocation(IEnumerable<ChainMatch> matches, ulong orderId) =>
        matches.Where(m => m.OfferId == orderId || m.BidId == orderId).Sum(m => (long)m.EnergyWh);

    private static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);
}
