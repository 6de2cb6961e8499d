using System.Numerics;
using System.Text.Json;
using EnergyAuction.Devnet;

namespace EnergyAuction.IntegrationTests.Demo;

/// <summary>
/// The demo program end to end (real Hardhat node, deploy.js, HEMS and operator daemon processes, the energy CLI), with
/// a small household count: its summary must show closed windows, `market verify` agreeing, money conserved to the wei,
/// every household's figures consistent with MARKET.md, and nothing left running.
/// </summary>
[NonParallelizable]
public sealed class DemoTests
{
    /// <summary>The order fee the demo's windows charge: the operator daemon's default, 1,000 gwei per order.</summary>
    private static readonly BigInteger OrderFee = 1_000_000_000_000;

    [Test]
    public async Task Six_households_trade_one_window_and_every_wei_is_accounted_for()
    {
        var run = await DemoProgram.RunAsync("--households", "6");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var summary = run.Summary!.Value;
        Assert.That(summary.GetProperty("succeeded").GetBoolean(), Is.True, run.ToString());
        var window = summary.GetProperty("windows").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(window.GetProperty("phase").GetString(), Is.EqualTo("Closed"));
            Assert.That(window.GetProperty("verify").GetString(), Is.EqualTo("agrees"), "energy market verify recomputes the posted clearing");
            Assert.That(window.GetProperty("matches").GetArrayLength(), Is.GreaterThanOrEqualTo(2), "the book crosses with several matches");
        });
        AssertMatchesSettleAsMarketSays(window);
        AssertHouseholdsConsistent(window);
        AssertMoneyConserved(summary);
        AssertNothingLeftRunning(summary);
    }

    [Test]
    public async Task Ten_consecutive_windows_with_overlapping_bidding_and_transfer_all_close_and_conserve_money()
    {
        var run = await DemoProgram.RunAsync("--households", "6", "--windows", "10");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
        var summary = run.Summary!.Value;
        var windows = summary.GetProperty("windows").EnumerateArray().ToList();
        Assert.That(windows.Select(w => w.GetProperty("window").GetInt32()), Is.EqualTo(Enumerable.Range(1, 10)));
        Assert.Multiple(() =>
        {
            foreach (var w in windows)
            {
                Assert.That(w.GetProperty("phase").GetString(), Is.EqualTo("Closed"), $"window {w.GetProperty("window")}");
                Assert.That(w.GetProperty("verify").GetString(), Is.EqualTo("agrees"), $"window {w.GetProperty("window")}");
            }
        });
        // Window k+1 took its orders while window k was in transfer: k is reported settled only after k+1 cleared.
        Assert.That(run.Output.IndexOf("window 2: cleared", StringComparison.Ordinal),
            Is.LessThan(run.Output.IndexOf("window 1: Closed", StringComparison.Ordinal)), run.ToString());
        foreach (var w in windows) AssertMatchesSettleAsMarketSays(w);
        AssertMoneyConserved(summary);
        AssertNothingLeftRunning(summary);
    }

    [Test]
    public async Task Without_the_shared_data_it_says_so_and_trades_on_the_generated_feeder_and_profiles()
    {
        var empty = Directory.CreateTempSubdirectory("no-shared-data-").FullName;
        try
        {
            var run = await DemoProgram.RunAsync("--households", "4", "--data-dir", empty);

            Assert.That(run.ExitCode, Is.EqualTo(0), run.ToString());
            var summary = run.Summary!.Value;
            Assert.Multiple(() =>
            {
                Assert.That(run.Output, Does.Contain($"no IEEE feeder under {empty}: using the small generated fallback feeder and profiles"));
                Assert.That(summary.GetProperty("generatedData").GetBoolean(), Is.True);
                Assert.That(summary.GetProperty("windows")[0].GetProperty("verify").GetString(), Is.EqualTo("agrees"));
            });
            AssertMoneyConserved(summary);
            AssertNothingLeftRunning(summary);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Test]
    public async Task Too_few_households_is_a_usage_error_and_starts_nothing()
    {
        var run = await DemoProgram.RunAsync("--households", "2");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Output, Does.Contain("--households must be 4..1000, got 2"));
            Assert.That(run.Summary, Is.Null);
        });
    }

    /// <summary>MARKET.md settlement per match: each side pays a fee half (the buyer's payment and the seller's credit
    /// differ by exactly the fee, both halves); the energy traded never exceeds the match.</summary>
    private static void AssertMatchesSettleAsMarketSays(JsonElement window)
    {
        var price = Wei(window, "priceWeiPerKwh");
        Assert.Multiple(() =>
        {
            foreach (var m in window.GetProperty("matches").EnumerateArray())
            {
                var what = $"window {window.GetProperty("window")} offer {m.GetProperty("offer")} -> bid {m.GetProperty("bid")}";
                var traded = m.GetProperty("deliveredWh").GetInt64();
                var fee = Wei(m, "feeWei");
                Assert.That(m.GetProperty("distanceM").GetInt64(), Is.InRange(1, 600), what);
                Assert.That(traded, Is.InRange(0, m.GetProperty("energyWh").GetInt64()), what);
                Assert.That(fee.IsEven, Is.True, $"{what}: the DSO gets two equal fee halves");
                Assert.That(Wei(m, "buyerPaymentWei") - Wei(m, "sellerPayoutWei"), Is.EqualTo(fee), what);
                Assert.That(Wei(m, "buyerPaymentWei"), Is.GreaterThanOrEqualTo(traded * price / 1000 + fee / 2), what);
            }
        });
    }

    /// <summary>dpda fills every winning bid completely; sellers never sell more than offered; every order paid the
    /// window's order fee, and a household that did not trade is out of pocket by exactly that fee. (A trading household's
    /// net depends on both meters: a seller whose meter exported less than it sold pays its penalty, a buyer whose seller
    /// fell short receives one.)</summary>
    private static void AssertHouseholdsConsistent(JsonElement window)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Wei(window, "orderFeesWei"), Is.EqualTo(window.GetProperty("households").GetArrayLength() * OrderFee),
                "the operator's fee income from the window is one order fee per order");
            foreach (var h in window.GetProperty("households").EnumerateArray())
            {
                var meter = h.GetProperty("meter").GetString();
                var traded = h.GetProperty("tradedWh").GetInt64();
                var net = Wei(h, "netWei");
                Assert.That(Wei(h, "orderFeeWei"), Is.EqualTo(OrderFee), $"{meter}: its order paid the window's order fee");
                Assert.That(net, Is.EqualTo(Wei(h, "fromMatchesWei") - OrderFee), $"{meter}: its income or payment counts the order fee");
                if (h.GetProperty("role").GetString() == "buyer")
                {
                    Assert.That(traded, Is.EqualTo(0).Or.EqualTo(h.GetProperty("orderWh").GetInt64()), $"{meter}: a winning bid is filled completely");
                    if (traded == 0) Assert.That(net, Is.EqualTo(-OrderFee), $"{meter} pays only the order fee when it bought nothing");
                }
                else
                {
                    Assert.That(traded, Is.LessThanOrEqualTo(h.GetProperty("orderWh").GetInt64()), meter);
                    if (traded == 0) Assert.That(net, Is.EqualTo(-OrderFee), $"{meter} pays only the order fee when it sold nothing");
                }
                Assert.That(h.GetProperty("deliveredWh").GetInt64(), Is.LessThanOrEqualTo(traded), meter);
            }
        });
    }

    /// <summary>MARKET.md conservation over households, the DSO and the operator: the operator's order fees are part of
    /// it, so the money balances only when they are counted.</summary>
    private static void AssertMoneyConserved(JsonElement summary)
    {
        var money = summary.GetProperty("money");
        var accounts = summary.GetProperty("accounts").EnumerateArray().ToList();
        var households = accounts.Aggregate(BigInteger.Zero, (s, a) => s + Wei(a, "withdrawnWei"));
        var orders = summary.GetProperty("windows").EnumerateArray().Sum(w => w.GetProperty("households").GetArrayLength());
        var (dso, operatorFees) = (Wei(money, "withdrawnByDsoWei"), Wei(money, "withdrawnByOperatorWei"));
        var paidIn = Wei(money, "depositedWei") + Wei(money, "orderFeesPaidWei");
        Assert.Multiple(() =>
        {
            Assert.That(Wei(money, "orderFeesPaidWei"), Is.EqualTo(orders * OrderFee), "every order paid the order fee");
            Assert.That(operatorFees, Is.EqualTo(orders * OrderFee), "the operator withdrew every order's fee");
            Assert.That(paidIn, Is.EqualTo(households + dso + operatorFees),
                "escrow + collateral + order fees in = payouts + refunds + penalties + DSO fees + operator's order fees out");
            Assert.That(paidIn, Is.Not.EqualTo(households + dso), "without the operator's order fees the money would not balance");
            Assert.That(Wei(money, "contractAfterWei"), Is.EqualTo(Wei(money, "contractBeforeWei")), "EnergyTrade keeps nothing");
            Assert.That(accounts.Aggregate(BigInteger.Zero, (s, a) => s + Wei(a, "netWei")) + dso + operatorFees, Is.EqualTo(BigInteger.Zero),
                "what households gained and paid, the DSO's fees and the operator's order fees sum to zero");
            Assert.That(money.GetProperty("conservationHolds").GetBoolean() && money.GetProperty("operatorPaidTheOrderFees").GetBoolean(), Is.True,
                "the demo's own money checks pass");
            foreach (var a in accounts)
                Assert.That(a.GetProperty("consistent").GetBoolean(), Is.True, $"{a.GetProperty("meter")}: withdrawal matches its settled trades");
        });
    }

    private static void AssertNothingLeftRunning(JsonElement summary)
    {
        var groups = summary.GetProperty("processGroups").EnumerateArray().Select(g => g.GetInt32()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(groups, Has.Count.EqualTo(4), "node, HEMS, explorer and daemon");
            Assert.That(summary.GetProperty("leftRunning").GetArrayLength(), Is.EqualTo(0));
            Assert.That(ProcessTable.AliveInGroups(groups), Is.Empty, "no process of the demo is alive after it exits");
        });
    }

    private static BigInteger Wei(JsonElement json, string property) => BigInteger.Parse(json.GetProperty(property).GetString()!);
}
