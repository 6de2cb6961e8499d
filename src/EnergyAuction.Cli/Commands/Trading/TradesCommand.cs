using System.CommandLine;
using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Events;
using EnergyAuction.Cli.Connection;
using EnergyAuction.Clearing;
using EnergyAuction.Cli.Output;
using EnergyAuction.Market;

namespace EnergyAuction.Cli.Commands.Trading;

/// <summary>`energy trades [--window N]`: my matches: counterparty, distance, price, and once settled both sides'
/// readings as settlement counted them (buyer b_m, seller s_m, a missing one counted against its owner), the energy
/// traded, the payment for it, my half of the grid fee, and the penalties each side paid the other for its own
/// shortfall (MARKET.md "Settlement").</summary>
public static class TradesCommand
{
    private sealed record Trade(ulong WindowId, bool Sold, ChainMatch Match, string Counterparty, BigInteger Price, MatchSettledEvent? Settled)
    {
        /// <summary>cost(t_m, p0): what the buyer pays the seller for the energy traded.</summary>
        public BigInteger Payment(MatchSettledEvent s) => Money.Cost((long)s.TradedWh, Price);

        /// <summary>What this match moved to me (positive) or from me (negative): payment, my fee half, both penalties.</summary>
        public BigInteger Net(MatchSettledEvent s) => Sold
            ? Payment(s) - s.FeeHalf + s.BuyerPenalty - s.SellerPenalty
            : s.SellerPenalty - Payment(s) - s.FeeHalf - s.BuyerPenalty;
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
                    trades.Add(new Trade(windowId, sold, match, other.Owner, info.Price, settled.GetValueOrDefault((match.OfferId, match.BidId))));
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
                        json.WriteNumber("buyerWh", s.BuyerWh);
                        json.WriteNumber("sellerWh", s.SellerWh);
                        json.WriteBoolean("buyerReadingMissing", s.BuyerMissing);
                        json.WriteBoolean("sellerReadingMissing", s.SellerMissing);
                        json.WriteNumber("tradedWh", s.TradedWh);
                        json.WriteNumber("paymentWei", t.Payment(s));
                        json.WriteNumber("feeHalfWei", s.FeeHalf);
                        json.WriteNumber("sellerPenaltyWei", s.SellerPenalty);
                        json.WriteNumber("buyerPenaltyWei", s.BuyerPenalty);
                        json.WriteNumber("netWei", t.Net(s));
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

        var table = new Table("window", "role", "offer", "bid", "counterparty", "distance", "energy", "price/kWh", "buyer read",
                "seller read", "traded", "payment", "fee half", "seller penalty", "buyer penalty")
            .AlignRight(0, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
        foreach (var t in trades)
        {
            var s = t.Settled;
            table.Add(t.WindowId.ToString(), t.Sold ? "sold" : "bought", t.Match.OfferId.ToString(), t.Match.BidId.ToString(), t.Counterparty,
                $"{t.Match.DistanceM} m", Amounts.FormatEnergy((long)t.Match.EnergyWh), Amounts.FormatWei(t.Price),
                s is null ? "not settled" : Side((long)s.BuyerWh, s.BuyerMissing),
                s is null ? "-" : Side((long)s.SellerWh, s.SellerMissing),
                s is null ? "-" : Amounts.FormatEnergy((long)s.TradedWh),
                s is null ? "-" : $"{(t.Sold ? "received" : "paid")} {Amounts.FormatWei(t.Payment(s))}",
                s is null ? "-" : Amounts.FormatWei(s.FeeHalf),
                s is null ? "-" : Amounts.FormatWei(s.SellerPenalty),
                s is null ? "-" : Amounts.FormatWei(s.BuyerPenalty));
        }

        output.WriteTable(table);
        if (trades.Any(t => t.Settled is not null))
            output.WriteLine("each side pays a fee half; the seller's penalty (energy not delivered) goes to the buyer, the buyer's (energy not taken) to the seller; a missing reading counts against its owner");
    }

    private static string Side(long wh, bool missing) => missing ? $"{Amounts.FormatEnergy(wh)} (missing)" : Amounts.FormatEnergy(wh);
}
