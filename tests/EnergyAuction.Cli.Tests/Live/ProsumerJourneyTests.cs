using System.Numerics;
using System.Text.Json;
using EnergyAuction.Devnet;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>A seller and a buyer take part in one window from the terminal: wallets, registration, grants, offers and
/// bids, watching the window, their orders and trades, and withdrawing what they earned or were refunded.</summary>
public class ProsumerJourneyTests
{
    [Test]
    public async Task ProsumersTradeFromNewWalletsToWithdrawal()
    {
        var seller = await Household.CreateAsync("seller", bus: 34);
        var buyer = await Household.CreateAsync("buyer", bus: 47);
        var dso = HardhatAccounts.Keys[5].Address;
        var window = await Energy.OpenWindowAsync(dso);

        // Offers of 5 kWh at 40,000, 45,000 and 70,000 gwei/kWh and bids of 4 kWh at 60,000, 55,000 and 30,000: the McAfee
        // test passes, two of each win at (70,000 + 30,000) / 2 = 50,000 gwei/kWh.
        // A meter holds one order per window: each order has a meter of its own.
        var sellerMeters = await seller.MetersAsync(3);
        var buyerMeters = await buyer.MetersAsync(3);
        var offers = new List<ulong>();
        foreach (var (price, meter) in new[] { "40000gwei", "45000gwei", "70000gwei" }.Zip(sellerMeters))
            offers.Add((await Energy.Ok("offer", "--kwh", "5", "--min-price", price, "--meter", meter, "--yes", "--from", seller.Name, "--json"))
                .Json.GetProperty("order").GetUInt64());
        var confirmed = await CliRun.With(new ScriptedInput(true, "y"),
            "bid", "--kwh", "4", "--max-price", "60000gwei", "--meter", buyerMeters[0], "--from", buyer.Name, "--json");
        Assert.That(confirmed.ExitCode, Is.Zero, confirmed.ToString());
        Assert.That(confirmed.Error, Does.Contain("escrow 284000gwei").And.Contain("window " + window), "the escrow is shown before sending");
        await Energy.Ok("bid", "--kwh", "4000Wh", "--max-price", "55000gwei", "--meter", buyerMeters[1], "--yes", "--from", buyer.Name);
        await Energy.Ok("bid", "--kwh", "4", "--max-price", "30000gwei", "--meter", buyerMeters[2], "--yes", "--from", buyer.Name);

        var status = (await Energy.Ok("window", "status", window.ToString(), "--json")).Json;
        Assert.That(status.GetProperty("phase").GetString(), Is.EqualTo("BiddingOffering"));
        Assert.That((status.GetProperty("offers").GetInt32(), status.GetProperty("bids").GetInt32()), Is.EqualTo((3, 3)));
        Assert.That(status.GetProperty("secondsLeft").GetInt32(), Is.InRange(1, 60));
        var myOffers = (await Energy.Ok("orders", "--from", seller.Name, "--json")).Json.EnumerateArray().ToList();
        Assert.That(myOffers.Select(o => o.GetProperty("status").GetString()), Is.EqualTo(new[] { "valid", "valid", "valid" }));

        var watchText = new StringWriter();
        var watchOutput = TextWriter.Synchronized(watchText);
        string Watched() { lock (watchOutput) return watchText.ToString(); }
        using var stopWatching = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var watch = EnergyCli.RunAsync(["window", "status", window.ToString(), "--watch", "--interval", "1s"], watchOutput, new StringWriter(),
            ScriptedInput.None, stopWatching.Token);
        // The watch must have seen the open window before the operator moves it on (a loaded machine delays its first read).
        var seen = DateTime.UtcNow.AddSeconds(30);
        while (!Watched().Contains("BiddingOffering") && DateTime.UtcNow < seen) await Task.Delay(50);

        await OperatorActions.CloseBiddingAsync(window);
        var plan = await OperatorActions.HonestPlanAsync(window);
        Assert.That(plan.Price, Is.EqualTo(BigInteger.Parse("50000000000000")), "the book clears at 50,000 gwei/kWh");
        await OperatorActions.PostAsync(window, plan.Price, plan.Matches);
        var verify = await Energy.Ok("market", "verify", "--window", window.ToString(), "--json");
        Assert.That(verify.Json.GetProperty("verdict").GetString(), Is.EqualTo("agrees"));

        var bids = plan.Matches.Select(m => m.BidId).Distinct().Order().ToList();
        await OperatorActions.SettleAndCloseAsync(window, new Dictionary<ulong, ulong> { [bids[0]] = 4000, [bids[1]] = 3000 });
        Assert.That(await watch, Is.Zero);
        var watched = Watched();
        Assert.That(watched, Does.Contain("BiddingOffering").And.Contain("Closed"), watched);

        var trades = (await Energy.Ok("trades", "--from", buyer.Name, "--json")).Json.EnumerateArray().ToList();
        Assert.That(trades, Is.Not.Empty);
        Assert.That(trades.All(t => t.GetProperty("role").GetString() == "buyer" && t.GetProperty("settled").GetBoolean()));
        Assert.That(trades.All(t => t.GetProperty("counterparty").GetString()!.Equals(seller.Address, StringComparison.OrdinalIgnoreCase)));
        Assert.That(trades.Sum(t => t.GetProperty("tradedWh").GetInt64()), Is.EqualTo(7000), "4 kWh and 3 of 4 kWh taken");
        Assert.That(trades.All(t => t.GetProperty("distanceM").GetInt64() > 0 && JsonWei.Of(t.GetProperty("feeHalfWei")) > 0));
        Assert.That(trades.Aggregate(BigInteger.Zero, (sum, t) => sum + JsonWei.Of(t.GetProperty("buyerPenaltyWei"))), Is.EqualTo(new BigInteger(10_000_000_000_000)),
            "the buyer took 1 kWh less than it bought: its penalty at 10,000 gwei/kWh");
        Assert.That(trades.All(t => JsonWei.Of(t.GetProperty("sellerPenaltyWei")).IsZero), "the seller delivered everything");
        var table = await Energy.Ok("trades", "--from", seller.Name);
        Assert.That(table.Out, Does.Contain("sold").And.Contain("50000gwei").And.Contain("buyer penalty").And.Contain("received "));
        var sold = (await Energy.Ok("trades", "--from", seller.Name, "--json")).Json.EnumerateArray().ToList();
        Assert.That(sold.All(t => JsonWei.Of(t.GetProperty("netWei")) == JsonWei.Of(t.GetProperty("paymentWei")) - JsonWei.Of(t.GetProperty("feeHalfWei"))
            + JsonWei.Of(t.GetProperty("buyerPenaltyWei")) - JsonWei.Of(t.GetProperty("sellerPenaltyWei"))),
            "a seller's net is the payment less its fee half, plus the buyer's penalty, less its own");
        Assert.That(sold.Aggregate(BigInteger.Zero, (sum, t) => sum + JsonWei.Of(t.GetProperty("buyerPenaltyWei"))), Is.EqualTo(new BigInteger(10_000_000_000_000)),
            "the seller receives the buyer's penalty for the 1 kWh it spilled to the grid");

        var before = (await Energy.Ok("balance", "--from", seller.Name, "--json")).Json;
        var withdrawable = JsonWei.Of(before.GetProperty("withdrawableWei"));
        Assert.That(withdrawable, Is.GreaterThan(BigInteger.Zero));
        var withdrawn = (await Energy.Ok("withdraw", "--from", seller.Name, "--json")).Json;
        Assert.That(JsonWei.Of(withdrawn.GetProperty("withdrawnWei")), Is.EqualTo(withdrawable));
        var after = (await Energy.Ok("balance", "--from", seller.Name, "--json")).Json;
        Assert.That(JsonWei.Of(after.GetProperty("withdrawableWei")), Is.EqualTo(BigInteger.Zero));
        Assert.That(JsonWei.Of(after.GetProperty("balanceWei")),
            Is.GreaterThan(JsonWei.Of(before.GetProperty("balanceWei"))));
        var orders = (await Energy.Ok("orders", "--from", seller.Name, "--json")).Json.EnumerateArray().Select(o => o.GetProperty("status").GetString());
        Assert.That(orders, Is.EqualTo(new[] { "settled", "settled", "refunded" }));
    }
}
