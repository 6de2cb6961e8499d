using System.Globalization;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;

namespace EnergyAuction.Simulation.OnChain;

/// <summary>
/// One simulated window through the real market. The admin opens it with the scenario's parameters (C_d, L, π, the
/// mechanism; offers validated through the oracle); the HEMS is told what each offer can deliver and what each meter
/// imports and exports over the transfer interval; each household signs its order in the simulation's submission
/// order (the engine breaks ties by it); then chain time moves past each deadline and the daemon validates, clears,
/// posts, asks the oracle for the readings, settles and closes. What each household's withdrawable balance gained,
/// less what its order deposited, is its net for the window.
/// </summary>
internal static class ChainWindow
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(3);

    public static async Task<WindowMoney> TradeAsync(ReplayMarket market, ScenarioOptions options, MarketChoice choice, PlacedBook placed,
        HouseholdWindow[] flows, CancellationToken ct)
    {
        var trade = market.Admin.Trade;
        var orders = placed.Book.Offers.Select(o => (Order: o, Side: OrderSide.Offer))
            .Concat(placed.Book.Bids.Select(b => (Order: b, Side: OrderSide.Bid)))
            .OrderBy(o => o.Order.Seq).ToList();
        var parameters = new WindowParams(
            BiddingDuration: 600,
            MatchingDuration: 600,
            TransferDuration: checked((uint)options.WindowMinutes * 60),
            SettlementDuration: 600,
            GracePeriod: 600,
            MaxEnergyWh: (ulong)orders.Select(o => o.Order.EnergyWh).DefaultIfEmpty(1).Max(),
            ReferencePrice: options.RetailWeiPerKwh,
            GridCharge: options.GridChargeWeiPerKwhPerKm,
            MaxDistanceM: checked((uint)options.MaxDistanceM),
            PenaltyRate: options.PenaltyWeiPerKwh,
            Mechanism: ChainMechanisms.ToChain(choice.Mechanism ?? throw new ArgumentException("grid-only needs no chain", nameof(choice))),
            ValidateOffers: true,
            OrderFee: options.OrderFeeWei);
        var (windowId, _) = await trade.OpenWindowAsync(parameters, ct).ConfigureAwait(false);
        var window = await trade.GetWindowAsync(windowId, ct).ConfigureAwait(false);

        var byId = market.Households.ToDictionary(h => h.Household.Id, StringComparer.Ordinal);
        for (var h = 0; h < market.Households.Count; h++)
            await market.Meters.DeliverAsync(market.Households[h].Meter, window.MatchingDeadline, window.TransferDeadline, flows[h].ImportWh, flows[h].ExportWh)
                .ConfigureAwait(false);
        foreach (var offer in placed.Book.Offers)
            await market.Meters.SetAvailableAsync(byId[offer.Id].Meter, offer.EnergyWh).ConfigureAwait(false);

        var before = await BalancesAsync(market, ct).ConfigureAwait(false);
        var deposits = market.Households.ToDictionary(h => h.Household.Id, _ => BigInteger.Zero, StringComparer.Ordinal);
        var orderIds = new List<ulong>();
        foreach (var (order, side) in orders)
        {
            var household = byId[order.Id];
            using var signer = market.Admin.As(household.Key);
            var energy = (ulong)order.EnergyWh;
            if (side == OrderSide.Offer)
            {
                var collateral = await trade.OfferCollateralAsync(windowId, energy, ct).ConfigureAwait(false);
                orderIds.Add((await signer.Trade.SubmitOfferAsync(windowId, household.Meter, energy, order.Price, collateral, ct: ct).ConfigureAwait(false)).OrderId);
                deposits[order.Id] += collateral + options.OrderFeeWei;
            }
            else
            {
                var escrow = await trade.BidEscrowAsync(windowId, energy, order.Price, ct).ConfigureAwait(false);
                orderIds.Add((await signer.Trade.SubmitBidAsync(windowId, household.Meter, energy, order.Price, escrow, ct: ct).ConfigureAwait(false)).OrderId);
                deposits[order.Id] += escrow + options.OrderFeeWei;
            }
        }

        await WaitAsync(market, $"window {windowId}: the oracle to validate the offers", async () =>
            (await trade.GetOrdersAsync(orderIds, ct).ConfigureAwait(false)).All(o => o.Status != OrderStatus.PendingValidation), ct).ConfigureAwait(false);
        await market.Node.PassDeadlineAsync(window.BiddingDeadline).ConfigureAwait(false);
        await WaitAsync(market, $"window {windowId}: the daemon to clear", async () =>
            (await trade.GetWindowAsync(windowId, ct).ConfigureAwait(false)).Phase is not (WindowPhase.BiddingOffering or WindowPhase.Matching), ct).ConfigureAwait(false);
        await market.Node.PassDeadlineAsync(window.TransferDeadline).ConfigureAwait(false);
        await WaitAsync(market, $"window {windowId}: the daemon to settle and close", async () =>
            (await trade.GetWindowAsync(windowId, ct).ConfigureAwait(false)).Phase is WindowPhase.Closed or WindowPhase.Cancelled, ct).ConfigureAwait(false);
        var closed = await trade.GetWindowAsync(windowId, ct).ConfigureAwait(false);

        var after = await BalancesAsync(market, ct).ConfigureAwait(false);
        var net = market.Households.ToDictionary(h => h.Household.Id,
            h => after[h.Key.Address] - before[h.Key.Address] - deposits[h.Household.Id], StringComparer.Ordinal);
        return new WindowMoney(choice.Name, placed.Window, net, after[market.Dso.Address] - before[market.Dso.Address],
            checked((int)closed.MatchCount));
    }

    // Withdrawable balances (pull payments) of every household and the DSO.
    private static async Task<Dictionary<string, BigInteger>> BalancesAsync(ReplayMarket market, CancellationToken ct)
    {
        var balances = new Dictionary<string, BigInteger>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in market.Households.Select(h => h.Key.Address).Append(market.Dso.Address))
            balances[address] = await market.Admin.Trade.WithdrawableAsync(address, ct).ConfigureAwait(false);
        return balances;
    }

    // Chain state is polled: the daemon acts on its own poll interval.
    private static async Task WaitAsync(ReplayMarket market, string what, Func<Task<bool>> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + PhaseTimeout;
        while (!await done().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"gave up after {PhaseTimeout.TotalMinutes:0} minutes waiting for {what}; the daemon's log is {market.DaemonLog.Path}"));
            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }
}
