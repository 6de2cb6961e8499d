using EnergyAuction.Chain.Events;
using EnergyAuction.Devnet;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>A window whose offers the oracle checks against the seller's battery: `energy orders` says which offers are
/// pending, valid or rejected and why, and `market verify` still rebuilds the book the operator cleared once the window
/// is closed and the statuses read settled or refunded.</summary>
public class ValidatedOffersTests
{
    [Test]
    public async Task OrdersShowValidationAndVerifyAgreesAfterTheWindowCloses()
    {
        var seller = await Household.CreateAsync("bseller", bus: 34);
        var buyer = await Household.CreateAsync("bbuyer", bus: 73);
        var from = await LiveMarket.Node.Rpc.BlockNumberAsync();
        var window = await Energy.OpenWindowAsync(HardhatAccounts.Keys[5].Address, "--validate-offers");
        var battery = new Dictionary<string, ulong> { ["40000gwei"] = 6000, ["45000gwei"] = 6000, ["70000gwei"] = 2000 };
        foreach (var (price, meter) in new[] { "40000gwei", "45000gwei", "70000gwei", "35000gwei" }.Zip(await seller.MetersAsync(4)))
            await Energy.Ok("offer", "--kwh", "5", "--min-price", price, "--meter", meter, "--yes", "--from", seller.Name);
        foreach (var (price, meter) in new[] { "60000gwei", "55000gwei", "30000gwei" }.Zip(await buyer.MetersAsync(3)))
            await Energy.Ok("bid", "--kwh", "4", "--max-price", price, "--meter", meter, "--yes", "--from", buyer.Name);

        // Answer the first three offers' battery readings as the oracle node; the cheapest offer's never comes.
        var requests = await LiveMarket.Operator.Operator.GetOracleRequestsAsync(from);
        var readings = await LiveMarket.Operator.OracleClient.GetEventsAsync<ReadingRequestedEvent>(from);
        var offers = (await Energy.Ok("orders", "--from", seller.Name, "--json")).Json.EnumerateArray()
            .ToDictionary(o => o.GetProperty("order").GetUInt64(), o => JsonWei.Of(o.GetProperty("price")));
        foreach (var request in requests)
        {
            var order = readings.Single(r => r.Event.RequestId.AsSpan().SequenceEqual(request.Event.RequestId)).Event.OrderId;
            var price = (offers[order] / 1_000_000_000) + "gwei";
            if (battery.TryGetValue(price, out var wh))
                await LiveMarket.Operator.Operator.FulfillOracleRequest2Async(request.Event, wh);
        }

        var shown = (await Energy.Ok("orders", "--from", seller.Name, "--json")).Json.EnumerateArray().ToList();
        Assert.That(shown.Select(o => o.GetProperty("status").GetString()), Is.EqualTo(new[] { "valid", "valid", "rejected", "pending-validation" }));
        Assert.That(shown[2].GetProperty("reason").GetString(), Is.EqualTo("offered 5kWh but the battery holds 2kWh"));
        var table = await Energy.Ok("orders", "--from", seller.Name);
        Assert.That(table.Out, Does.Contain("rejected: offered 5kWh but the battery holds 2kWh"));

        await OperatorActions.CloseBiddingAsync(window);
        var plan = await OperatorActions.HonestPlanAsync(window);
        await OperatorActions.PostAsync(window, plan.Price, plan.Matches);
        var bids = plan.Matches.Select(m => m.BidId).Distinct().ToDictionary(b => b, _ => 4000UL);
        await OperatorActions.SettleAndCloseAsync(window, bids);
        var closed = (await Energy.Ok("orders", "--from", seller.Name, "--json")).Json.EnumerateArray().Select(o => o.GetProperty("status").GetString());
        Assert.That(closed, Is.EqualTo(new[] { "settled", "refunded", "rejected", "refunded" }),
            "with one valid offer fewer, trade reduction leaves only the cheapest valid offer; the pending one now reads like an unmatched valid one");

        var verify = await Energy.Ok("market", "verify", "--window", window.ToString(), "--json");

        Assert.That(verify.Json.GetProperty("verdict").GetString(), Is.EqualTo("agrees"));
    }
}
