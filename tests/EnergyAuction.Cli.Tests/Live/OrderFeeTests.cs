namespace EnergyAuction.Cli.Tests.Live;

/// <summary>An order names its distance preference D (--max-distance) and pays the window's order fee on top of its
/// deposit; both are shown before sending and in the result, D is stored on chain, and a D beyond L is refused unsent.</summary>
public class OrderFeeTests
{
    private static readonly long Gwei = 1_000_000_000;

    [Test]
    public async Task ABidShowsItsOrderFeeAndStoresItsDistancePreference()
    {
        var buyer = await Household.CreateAsync("preferrer", bus: 47);
        var window = await Energy.OpenWindowAsync(buyer.Address, "--order-fee", "3000gwei");

        var bid = (await Energy.Ok("bid", "--kwh", "2", "--max-price", "60000gwei", "--meter", buyer.Meter, "--max-distance", "120",
            "--window", window.ToString(), "--yes", "--from", buyer.Name, "--json")).Json;
        var seller = await Household.CreateAsync("near", bus: 34);
        var plain = await Energy.Ok("offer", "--kwh", "1", "--min-price", "40000gwei", "--meter", seller.Meter,
            "--window", window.ToString(), "--yes", "--from", seller.Name);

        Assert.That(JsonWei.Of(bid.GetProperty("orderFeeWei")), Is.EqualTo(new System.Numerics.BigInteger(3_000 * Gwei)));
        Assert.That(bid.GetProperty("maxDistanceM").GetUInt32(), Is.EqualTo(120u));
        var onChain = await LiveMarket.Operator.Trade.GetOrderAsync(bid.GetProperty("order").GetUInt64());
        Assert.That((onChain.MaxDistanceM, onChain.Deposit), Is.EqualTo((120u, JsonWei.Of(bid.GetProperty("depositWei")))));
        Assert.That(plain.Out, Does.Contain("order fee 3000gwei").And.Contain("within 2000 m"), "no --max-distance: the window's L");
    }

    [Test]
    public async Task ADistancePreferenceBeyondTheWindowsMaximumIsRefusedBeforeSending()
    {
        var buyer = await Household.CreateAsync("faraway", bus: 47);
        var window = await Energy.OpenWindowAsync(buyer.Address);

        var run = await CliRun.Of("bid", "--kwh", "2", "--max-price", "60000gwei", "--meter", buyer.Meter, "--max-distance", "2001",
            "--window", window.ToString(), "--yes", "--from", buyer.Name);

        Assert.That(run.ExitCode, Is.EqualTo(2), run.ToString());
        Assert.That(run.Error, Does.Contain($"--max-distance 2001: window {window} pairs orders at most 2000 m apart"));
        Assert.That((await LiveMarket.Operator.Trade.GetWindowAsync(window)).OrderCount, Is.Zero);
    }
}
