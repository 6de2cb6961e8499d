using System.Numerics;
using EnergyAuction.Market;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Market.Pairing;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.Simulation;

/// <summary>
/// Runs a <see cref="Scenario"/> window by window under one market choice. Each window every household plans its
/// battery from its forecast and places at most one order; the engine clears and pairs the book
/// (<see cref="WindowPairing.ClearAndPair"/>) and settles it with the actual meter readings
/// (<see cref="BothSideSettlement.Settle"/>, so forecast errors cost penalties); what is left is bought from the
/// grid at retail or sold to it at feed-in. Grid-only places no orders.
/// </summary>
public static class SimulationRunner
{
    /// <summary>Runs every <see cref="MarketChoice"/> on the same scenario.</summary>
    public static IReadOnlyList<MechanismResult> RunAll(Scenario scenario, FeederDistances feeder) =>
        [.. MarketChoice.All.Select(m => Run(scenario, feeder, m))];

    /// <param name="keepBooks">Keep every window's book and settlement in <see cref="MechanismResult.Books"/> and its orders in
    /// <see cref="MechanismResult.Placed"/>.</param>
    public static MechanismResult Run(Scenario scenario, FeederDistances feeder, MarketChoice market, bool keepBooks = false)
    {
        var o = scenario.Options;
        var households = scenario.Households;
        var ledgers = households.Select(h => new HouseholdLedger(h)).ToArray();
        var charge = households.Select(h => h.BatteryStartWh).ToArray();
        var random = new Random(unchecked(o.Seed * 131 + 17));
        var pricing = new OrderPricing(o, households.Count, random);
        var participants = households.ToDictionary(h => h.Id, h => new Participant(h.Bus, h.Id), StringComparer.Ordinal);
        var pairing = market.Mechanism is { } mechanism ? new PairingParameters(mechanism, o.GridChargeWeiPerKwhPerKm, o.MaxDistanceM) : null;
        var settlement = new SettlementParameters(o.GridChargeWeiPerKwhPerKm, o.MaxDistanceM, o.PenaltyWeiPerKwh, o.OrderFeeWei);
        var records = new List<WindowRecord>(o.Windows);
        var books = new List<SettledBook>();
        var placed = new List<PlacedBook>();
        var flows = new HouseholdWindow[households.Count];

        for (var w = 0; w < o.Windows; w++)
        {
            for (var h = 0; h < households.Count; h++)
            {
                flows[h] = HouseholdWindow.Run(scenario.LoadWh[h][w], scenario.PvWh[h][w], scenario.LoadForecastWh[h][w], scenario.PvForecastWh[h][w],
                    households[h].BatteryCapacityWh, ref charge[h]);
                ledgers[h].LoadWh += scenario.LoadWh[h][w];
                ledgers[h].PvWh += scenario.PvWh[h][w];
            }

            var local = new long[households.Count, 2];
            var record = pairing is null
                ? new WindowRecord(w, null, 0, 0, flows.Sum(f => f.ImportWh), 0, 0, 0, 0, 0)
                : Trade(w, pairing, settlement, households, flows, pricing, random, participants, ledgers, local, feeder, keepBooks ? books : null, keepBooks ? placed : null);
            records.Add(record);

            for (var h = 0; h < households.Count; h++)
            {
                var ledger = ledgers[h];
                var import = flows[h].ImportWh - local[h, 0];
                var export = flows[h].ExportWh - local[h, 1];
                ledger.GridImportWh += import;
                ledger.GridExportWh += export;
                ledger.GridCost += Money.Cost(import, o.RetailWeiPerKwh);
                ledger.GridIncome += Money.Cost(export, o.FeedInWeiPerKwh);
            }
        }
        for (var h = 0; h < households.Count; h++)
            ledgers[h].BatteryEndWh = charge[h];
        return new MechanismResult(market, ledgers, records) { Books = books, Placed = placed };
    }

    /// <summary>One window through the engine; <paramref name="local"/> receives each household's Wh bought [h, 0] and sold [h, 1].</summary>
    private static WindowRecord Trade(int w, PairingParameters pairing, SettlementParameters settlement, IReadOnlyList<Household> households,
        HouseholdWindow[] flows, OrderPricing pricing, Random random, IReadOnlyDictionary<string, Participant> participants,
        HouseholdLedger[] ledgers, long[,] local, FeederDistances feeder, List<SettledBook>? books, List<PlacedBook>? placed)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var offers = new List<Order>();
        var bids = new List<Order>();
        // Submission order is a fresh seeded shuffle each window, so no household always wins the ties.
        var seq = Enumerable.Range(1, households.Count).OrderBy(_ => random.Next()).ToArray();
        var readings = new Dictionary<string, long?>(StringComparer.Ordinal);
        for (var h = 0; h < households.Count; h++)
        {
            var (offerWh, bidWh) = (flows[h].OfferWh, flows[h].BidWh);
            if (offerWh == 0 && bidWh == 0)
                continue;
            var id = households[h].Id;
            index[id] = h;
            var order = new Order(id, offerWh > 0 ? offerWh : bidWh, pricing.Price(h, offerWh > 0), seq[h]);
            (offerWh > 0 ? offers : bids).Add(order);
            readings[id] = offerWh > 0 ? flows[h].ExportWh : flows[h].ImportWh;
        }

        var demand = flows.Sum(f => f.ImportWh);
        var book = new WindowBook(offers, bids, participants.Where(p => index.ContainsKey(p.Key)).ToDictionary(StringComparer.Ordinal));
        placed?.Add(new PlacedBook(w, book));
        if (offers.Count == 0 || bids.Count == 0)
        {
            // A book with one side only cannot trade; its orders still pay the order fee, as on chain.
            foreach (var h in index.Values)
            {
                ledgers[h].OrderFees += settlement.OrderFee;
                pricing.Learn(h, traded: false);
            }
            var fees = settlement.OrderFee * index.Count;
            return new WindowRecord(w, null, 0, 0, demand, 0, 0, fees, 0, fees);
        }

        var paired = WindowPairing.ClearAndPair(book, feeder, pairing);
        var settled = BothSideSettlement.Settle(WindowToSettle.Of(settlement, book, paired, readings));
        books?.Add(new SettledBook(w, book, paired, readings, settled));

        foreach (var m in settled.Matches)
        {
            var seller = ledgers[index[m.OfferId]];
            var buyer = ledgers[index[m.BidId]];
            local[index[m.BidId], 0] += m.TradedWh;
            local[index[m.OfferId], 1] += m.TradedWh;
            buyer.LocalBoughtWh += m.TradedWh;
            seller.LocalSoldWh += m.TradedWh;
            buyer.LocalPaid += m.Payment;
            seller.LocalReceived += m.Payment;
            buyer.GridFees += m.FeeHalf;
            seller.GridFees += m.FeeHalf;
            seller.PenaltiesPaid += m.SellerPenalty;
            buyer.PenaltiesReceived += m.SellerPenalty;
            buyer.PenaltiesPaid += m.BuyerPenalty;
            seller.PenaltiesReceived += m.BuyerPenalty;
        }
        foreach (var (id, h) in index)
        {
            ledgers[h].OrderFees += settlement.OrderFee;
            pricing.Learn(h, traded: paired.Clearing.OfferAllocations.GetValueOrDefault(id) + paired.Clearing.BidAllocations.GetValueOrDefault(id) > 0);
        }

        var netPaid = settled.Orders.Aggregate(BigInteger.Zero, (sum, a) => sum + a.Paid - a.Received) + settled.Operator;
        return new WindowRecord(w, paired.Price, paired.Matches.Sum(m => m.EnergyWh), settled.Matches.Sum(m => m.TradedWh), demand,
            settled.Matches.Count(m => m.TradedWh > 0), settled.Dso, settled.Operator,
            settled.Matches.Aggregate(BigInteger.Zero, (sum, m) => sum + m.SellerPenalty + m.BuyerPenalty), netPaid);
    }
}
