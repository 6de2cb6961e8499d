using System.CommandLine;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Clearing;
using EnergyAuction.Cli.Output;
using EnergyAuction.Market.Settlement;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>`energy trades [--window N]`: my matches: counterparty, distance, price, and once settled the delivered
/// energy and the money kept apart: the payment for the energy (a seller's after its half of the grid fee, a buyer's
/// including its half), the grid fee, the penalty for undelivered energy (paid by the seller to the buyer), and the
/// part of the seller's collateral it gets back.</summary>
public static class TradesCommand
{
    private sealed record Trade(ulong WindowId, bool Sold, ChainMatch Match, string Counterparty, BigInteger Price, BigInteger PenaltyRate,
        MatchSettledEvent? Settled)
    {
        /// <summary>What the seller gets back of the collateral this match locked: all of it less the penalty.</summary>
        public BigInteger CollateralBack(MatchSettledEvent s) => Collateral.ForOffer((long)Match.EnergyWh, PenaltyRate) - s.Penalty;

        /// <summary>The payment for the energy alone: a seller's payout without its collateral, a buyer's payment.</summary>
        public BigInteger Payment(MatchSettledEvent s) => Sold ? s.SellerPayout - CollateralBack(s) : s.BuyerPayment;
    }

    public static Command Build(CliContext context) => MyOrdersListing.Build(context, "trades",
        "List your matches and how they settled\n\nExample:\n  energy trades --from home", "Only trades of this window",
        async (market, mine, output) =>
        {
            var myIds = mine.Select(o => o.OrderId).ToHashSet();
            var trades = new List<Trade>();
            foreach (var windowId in mine.Where(o => o.Info.MatchedWh > 0).Select(o => o.Info.WindowId).Distinct().Order())
            {
                var info = await market.Trade.GetWindowAsync(windowId);
                var settled = (await market.Trade.GetEventsAsync<MatchSettledEvent>(market.Deployment.Block, null, windowId))
                    .ToDictionary(e => (e.Event.OfferId, e.Event.BidId), e => e.Event);
                foreach (var match in await market.Trade.GetAllWindowMatchesAsync(windowId, info.MatchCount))
                {
                    var sold = myIds.Contains(match.OfferId);
                    if (!sold && !myIds.Contains(match.BidId))
                        continue;
                    var other = await market.Trade.GetOrderAsync(sold ? match.BidId : match.OfferId);
                    trades.Add(new Trade(windowId, sold, match, other.Owner, info.Price, info.Params.PenaltyRate,
                        settled.GetValueOrDefault((match.OfferId, match.BidId))));
                }
            }

            Print(output, trades);
        });

    private static void Print(CommandOutput output, List<Trade> trades)
    {
        if (output.Json)
        {
            output.WriteJson(json =>
            {
                json.WriteStartArray();
                foreach (var t in trades)
                {
                    json.WriteStartObject();
                    json.WriteNumber("window", t.WindowId);
                    json.WriteString("role", t.Sold ? "seller" : "buyer");
                    json.WriteNumber("offer", t.Match.OfferId);
                    json.WriteNumber("bid", t.Match.BidId);
                    json.WriteString("counterparty", t.Counterparty);
                    json.WriteNumber("distanceM", t.Match.DistanceM);
                    json.WriteNumber("energyWh", t.Match.EnergyWh);
                    json.WriteNumber("price", t.Price);
                    json.WriteBoolean("settled", t.Settled is not null);
                    if (t.Settled is { } s)
                    {
                        json.WriteNumber("deliveredWh", s.DeliveredWh);
                        json.WriteNumber("buyerPaymentWei", s.BuyerPayment);
                        json.WriteNumber("sellerPayoutWei", s.SellerPayout);
                        json.WriteNumber("feeWei", s.Fee);
                        json.WriteNumber("penaltyWei", s.Penalty);
                        json.WriteNumber("paymentWei", t.Payment(s));
                        if (t.Sold)
                            json.WriteNumber("collateralRefundWei", t.CollateralBack(s));
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            });
            return;
        }

        if (trades.Count == 0)
        {
            output.WriteLine("no trades yet; `energy orders` shows where your orders stand");
            return;
        }

        var table = new Table("window", "role", "offer", "bid", "counterparty", "distance", "energy", "price/kWh", "delivered",
                "payment", "grid fee", "penalty", "collateral back")
            .AlignRight(0, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12);
        foreach (var t in trades)
        {
            var s = t.Settled;
            table.Add(t.WindowId.ToString(), t.Sold ? "sold" : "bought", t.Match.OfferId.ToString(), t.Match.BidId.ToString(), t.Counterparty,
                $"{t.Match.DistanceM} m", Amounts.FormatEnergy((long)t.Match.EnergyWh), Amounts.FormatWei(t.Price),
                s is null ? "not settled" : Amounts.FormatEnergy((long)s.DeliveredWh),
                s is null ? "-" : $"{(t.Sold ? "received" : "paid")} {Amounts.FormatWei(t.Payment(s))}",
                s is null ? "-" : Amounts.FormatWei(s.Fee),
                s is null ? "-" : s.Penalty.IsZero ? "0wei" : $"{(t.Sold ? "paid" : "received")} {Amounts.FormatWei(s.Penalty)}",
                s is null || !t.Sold ? "-" : Amounts.FormatWei(t.CollateralBack(s)));
        }

        output.WriteTable(table);
        if (trades.Any(t => t.Settled is not null))
            output.WriteLine("payment: a seller's after its half of the grid fee, a buyer's including its half; the penalty for undelivered energy goes from seller to buyer");
    }
}
