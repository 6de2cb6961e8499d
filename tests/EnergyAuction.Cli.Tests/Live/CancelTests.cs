using System.Numerics;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>An order cancelled while its window takes orders: its deposit becomes withdrawable; nobody else can cancel it.</summary>
public class CancelTests
{
    [Test]
    public async Task ACancelledBidCreditsItsEscrowAndOnlyItsOwnerCanCancel()
    {
        var buyer = await Household.CreateAsync("canceller", bus: 47);
        var other = await Household.CreateAsync("stranger", bus: 34);
        await Energy.OpenWindowAsync(buyer.Address);
        var bid = (await Energy.Ok("bid", "--kwh", "2", "--max-price", "60000gwei", "--meter", buyer.Meter, "--yes", "--from", buyer.Name, "--json")).Json;
        var order = bid.GetProperty("order").GetUInt64().ToString();

        var stranger = await CliRun.Of("cancel", order, "--from", other.Name);
        var cancelled = await Energy.Ok("cancel", order, "--from", buyer.Name, "--json");

        Assert.That(stranger.ExitCode, Is.EqualTo(1));
        Assert.That(stranger.Error, Does.Contain($"NotOrderOwner({order}, {other.Address})").And.Contain("only the wallet that placed the order can cancel it"));
        Assert.That(cancelled.Json.GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        var balance = (await Energy.Ok("balance", "--from", buyer.Name, "--json")).Json;
        Assert.That(JsonWei.Of(balance.GetProperty("withdrawableWei")), Is.EqualTo(JsonWei.Of(bid.GetProperty("depositWei"))));
        var byAddress = await Energy.Ok("balance", buyer.Address.ToLowerInvariant(), "--keystore-dir", Path.Combine(LiveMarket.Directory, "no-wallets-here"));
        Assert.That(byAddress.Out, Does.StartWith($"account:      {buyer.Address}\n").And.Contain($"withdrawable: {Amounts.FormatWei(JsonWei.Of(bid.GetProperty("depositWei")))} (its owner takes it with `energy withdraw`)"));
        var orders = (await Energy.Ok("orders", "--from", buyer.Name, "--json")).Json.EnumerateArray().Select(o => o.GetProperty("status").GetString());
        Assert.That(orders, Is.EqualTo(new[] { "cancelled" }));
    }
}
