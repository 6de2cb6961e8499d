using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using EnergyAuction.Cli.Output;
using EnergyAuction.Market.Settlement.BothSides;

namespace EnergyAuction.Cli.Commands.Market;

/// <summary>
/// `energy market settle --input FILE [--json]`: settles one cleared window by MARKET.md "Settlement" from its matches
/// and readings alone (no chain) and prints every match's traded energy, fee half and penalties and every order's
/// deposit, paid, received and refund.
/// </summary>
public static class MarketSettleCommand
{
    /// <summary>Integers above this are written as JSON strings: doubles hold every integer up to 2^53 exactly.</summary>
    private static readonly BigInteger LargestExactDouble = BigInteger.One << 53;

    public static Command Build(CliContext context)
    {
        var input = new Option<string>("--input", "-i") { Description = "Cleared window JSON file (format: MARKET.md)", Required = true };
        var command = new Command("settle", "Settle a cleared window from its matches and readings and print who pays and receives what\n\nExample:\n  energy market settle --input window.json --json") { input };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetRequiredValue(input);
            var window = SettlementWindowFile.Read(path);
            if (parseResult.GetValue(SharedOptions.Verbose))
                context.Error.WriteLine($"{path}: {window.Offers.Count} offers, {window.Bids.Count} bids, {window.Matches.Count} matches, {window.Readings.Count(r => r.Value is not null)} readings");
            Print(context.For(parseResult), window, BothSideSettlement.Settle(window));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CommandOutput output, WindowToSettle window, SettledWindow result)
    {
        if (output.Json)
        {
            output.WriteJson(json => WriteJson(json, result));
            return;
        }

        output.WriteLine($"price:     {Amounts.FormatWei(window.Price)}/kWh");
        if (result.Matches.Count > 0)
        {
            var matches = new Table("offer", "bid", "matched (Wh)", "distance (m)", "seller (Wh)", "buyer (Wh)", "traded (Wh)", "fee half", "seller penalty", "buyer penalty")
                .AlignRight(2, 3, 4, 5, 6, 7, 8, 9);
            foreach (var m in result.Matches)
                matches.Add(m.OfferId, m.BidId, Text(m.EnergyWh), Text(m.DistanceM), Text(m.SellerWh), Text(m.BuyerWh), Text(m.TradedWh),
                    Text(m.FeeHalf), Text(m.SellerPenalty), Text(m.BuyerPenalty));
            output.WriteTable(matches);
        }

        var orders = new Table("side", "id", "deposit (wei)", "paid (wei)", "received (wei)", "refund (wei)").AlignRight(2, 3, 4, 5);
        foreach (var o in result.Orders)
            orders.Add(o.Side == EnergyAuction.Market.OrderSide.Offer ? "offer" : "bid", o.Id, Text(o.Deposit), Text(o.Paid), Text(o.Received), Text(o.Refund));
        output.WriteTable(orders);
        output.WriteLine($"dso:       {Text(result.Dso)} wei (grid fees)");
        output.WriteLine($"operator:  {Text(result.Operator)} wei (order fees)");
    }

    private static void WriteJson(Utf8JsonWriter json, SettledWindow result)
    {
        json.WriteStartObject();
        json.WriteStartArray("matches");
        foreach (var m in result.Matches)
        {
            json.WriteStartObject();
            json.WriteString("offer", m.OfferId);
            json.WriteString("bid", m.BidId);
            WriteAmount(json, "traded", m.TradedWh);
            WriteAmount(json, "feeHalf", m.FeeHalf);
            WriteAmount(json, "sellerPenalty", m.SellerPenalty);
            WriteAmount(json, "buyerPenalty", m.BuyerPenalty);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("orders");
        foreach (var o in result.Orders)
        {
            json.WriteStartObject(o.Id);
            WriteAmount(json, "deposit", o.Deposit);
            WriteAmount(json, "paid", o.Paid);
            WriteAmount(json, "received", o.Received);
            WriteAmount(json, "refund", o.Refund);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        WriteAmount(json, "dso", result.Dso);
        WriteAmount(json, "operator", result.Operator);
        json.WriteEndObject();
    }

    private static void WriteAmount(Utf8JsonWriter json, string name, BigInteger value)
    {
        if (BigInteger.Abs(value) > LargestExactDouble)
            json.WriteString(name, Text(value));
        else
            json.WriteNumber(name, value);
    }

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
