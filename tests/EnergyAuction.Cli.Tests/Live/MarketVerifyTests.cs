using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Chain.Services;
using EnergyAuction.Devnet;

namespace EnergyAuction.Cli.Tests.Live;

/// <summary>`energy market verify` catches an operator that posts something other than what the orders imply, and says what.</summary>
public class MarketVerifyTests
{
    private static readonly BigInteger Gwei = 1_000_000_000;

    [Test]
    public async Task ATamperedPriceFromAMaliciousOperatorKeyDiffers()
    {
        var window = await WindowInMatchingAsync();
        var honest = await OperatorActions.HonestPlanAsync(window);
        var rogue = HardhatAccounts.Keys[9];
        await LiveMarket.Operator.Trade.GrantRoleAsync(EnergyTradeService.OperatorRole, rogue.Address);
        using var malicious = LiveMarket.Operator.As(rogue);
        var tamperedPrice = 45_000 * Gwei;
        await malicious.Trade.PostClearingAsync(window, tamperedPrice, honest.Matches);
        await malicious.Trade.FinaliseClearingAsync(window);

        var json = await CliRun.Of("market", "verify", "--window", window.ToString(), "--json");
        var text = await CliRun.Of("market", "verify", "--window", window.ToString());

        Assert.That(json.ExitCode, Is.EqualTo(1), json.ToString());
        var result = json.Json;
        Assert.That(result.GetProperty("window").GetUInt64(), Is.EqualTo(window));
        Assert.That(result.GetProperty("verdict").GetString(), Is.EqualTo("differs"));
        Assert.That(result.GetProperty("postedHash").GetString(), Is.Not.EqualTo(result.GetProperty("recomputedHash").GetString()));
        Assert.That(result.GetProperty("recomputedHash").GetString(),
            Is.EqualTo(Chain.Hex.HexConvert.ToHex(honest.ResultHash(window))), "the recomputed hash is the honest daemon's");
        Assert.That(result.GetProperty("differences")[0].GetString(), Is.EqualTo("price: posted 45000gwei/kWh, recomputed 50000gwei/kWh"));
        Assert.That(text.ExitCode, Is.EqualTo(1));
        Assert.That(text.Out, Does.StartWith($"window {window}: DIFFERS: price: posted 45000gwei/kWh, recomputed 50000gwei/kWh"));
    }

    [Test]
    public async Task TheContractsHashOfAClearingPostedMatchByMatchIsTheRecomputedOne()
    {
        var window = await WindowInMatchingAsync();
        var honest = await OperatorActions.HonestPlanAsync(window);
        Assert.That(honest.Matches, Is.Not.Empty);
        // One batch per match: the contract chains its hash over the matches, so the batching cannot change it.
        foreach (var match in honest.Matches)
            await LiveMarket.Operator.Trade.PostClearingAsync(window, honest.Price, [match]);
        await LiveMarket.Operator.Trade.FinaliseClearingAsync(window);

        var run = await CliRun.Of("market", "verify", "--window", window.ToString(), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json.GetProperty("postedHash").GetString(), Is.EqualTo(Chain.Hex.HexConvert.ToHex(honest.ResultHash(window))));
    }

    [Test]
    public async Task AnHonestClearingAgreesAndSaysSoInText()
    {
        var window = await WindowInMatchingAsync();
        var honest = await OperatorActions.HonestPlanAsync(window);
        await OperatorActions.PostAsync(window, honest.Price, honest.Matches);

        var run = await CliRun.Of("market", "verify", "--window", window.ToString());

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.StartWith($"window {window}: agrees (result hash {Chain.Hex.HexConvert.ToHex(honest.ResultHash(window))})"));
    }

    [Test]
    public async Task MatchDistancesThatDifferFromTheFeederRegistryDifferAndOnesThatMatchAgree()
    {
        // Buses no other test trades on: the registry entries below are this test's alone.
        var wrong = await WindowInMatchingAsync(sellerBus: 289, buyerBus: 314);
        var right = await WindowInMatchingAsync(sellerBus: 320, buyerBus: 327);
        var wrongPlan = await OperatorActions.HonestPlanAsync(wrong);
        var rightPlan = await OperatorActions.HonestPlanAsync(right);
        var feederMetres = wrongPlan.Matches[0].DistanceM;
        await OperatorActions.PostAsync(wrong, wrongPlan.Price, wrongPlan.Matches);
        await OperatorActions.PostAsync(right, rightPlan.Price, rightPlan.Matches);
        // postClearing took the registry's figures; the DSO then changes one, so that window's matches no longer agree.
        using (var registrar = LiveMarket.Operator.As(HardhatAccounts.Registrar))
            await registrar.DataAccess.RecordDistancesAsync([(314u, 289u, feederMetres + 7)]);

        var differs = await CliRun.Of("market", "verify", "--window", wrong.ToString(), "--json");
        var agrees = await CliRun.Of("market", "verify", "--window", right.ToString());

        Assert.That(differs.ExitCode, Is.EqualTo(1), differs.ToString());
        Assert.That(differs.Json.GetProperty("differences").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(wrongPlan.Matches.Select((m, i) =>
            $"match #{i + 1}: posted {feederMetres} m between buses 289 and 314, the feeder registry says {feederMetres + 7} m")));
        Assert.That(agrees.ExitCode, Is.Zero, agrees.ToString());
        Assert.That(agrees.Out, Does.StartWith($"window {right}: agrees"));
    }

    [Test]
    public async Task AWindowNotYetFinalisedCannotBeVerified()
    {
        var window = await WindowInMatchingAsync();

        var run = await CliRun.Of("market", "verify", "--window", window.ToString());

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Error, Does.Contain($"window {window} has no finalised clearing to verify (phase Matching)"));
    }

    // Two winning offers and two winning bids at 50,000 gwei/kWh (as in the prosumer journey), bidding closed.
    private static async Task<ulong> WindowInMatchingAsync(uint sellerBus = 34, uint buyerBus = 70)
    {
        var seller = await Household.CreateAsync("vseller", bus: sellerBus);
        var buyer = await Household.CreateAsync("vbuyer", bus: buyerBus);
        var window = await Energy.OpenWindowAsync(HardhatAccounts.Keys[5].Address);
        foreach (var (price, meter) in new[] { "40000gwei", "45000gwei", "70000gwei" }.Zip(await seller.MetersAsync(3)))
            await Energy.Ok("offer", "--kwh", "5", "--min-price", price, "--meter", meter, "--window", window.ToString(), "--yes", "--from", seller.Name);
        foreach (var (price, meter) in new[] { "60000gwei", "55000gwei", "30000gwei" }.Zip(await buyer.MetersAsync(3)))
            await Energy.Ok("bid", "--kwh", "4", "--max-price", price, "--meter", meter, "--window", window.ToString(), "--yes", "--from", buyer.Name);
        await OperatorActions.CloseBiddingAsync(window);
        return window;
    }
}
