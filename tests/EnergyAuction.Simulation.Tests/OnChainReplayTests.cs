using System.Numerics;
using EnergyAuction.Data;
using EnergyAuction.Operator.Options;
using EnergyAuction.Simulation.OnChain;

namespace EnergyAuction.Simulation.Tests;

/// <summary>
/// `--on-chain`: two windows of a small scenario under dpda, mcafee and uniform through the real market on a Hardhat
/// node (deploy script, HEMS, operator daemon, one signed order per household), against the off-chain simulation.
/// Eight-hour windows and small batteries, so the second window (08:00-16:00) has PV to sell under every mechanism and
/// the noisy forecasts leave penalties to settle; the first (the night) has no offers and must move no money but the
/// order fee of each order placed (1,000 gwei, which the operator receives).
/// </summary>
[NonParallelizable]
public sealed class OnChainReplayTests
{
    private const int Windows = 2;
    private static readonly ScenarioOptions Options = new() { Households = 10, PvSharePercent = 50, Seed = 2, WindowMinutes = 480, BatteryCapacityWh = 1_000,
        OrderFeeWei = 1_000_000_000_000 };
    private ReplayResult _replay = null!;

    [OneTimeSetUp]
    public async Task Replay()
    {
        var scenario = SharedData.Value.Scenario(Options);
        _replay = await ChainReplay.RunAsync(scenario, SharedData.Value.Feeder, SharedDataDirectory.Resolve(null), Windows, TestContext.Progress.WriteLine);
    }

    [Test]
    public void Every_household_agrees_with_the_simulation_to_the_wei_in_both_windows_of_every_mechanism()
    {
        Assert.That(_replay.Differences, Is.Empty);
        Assert.That(_replay.Verdict, Does.StartWith("2 windows on chain: every household agrees to the wei"));
        Assert.That(_replay.OnChain.Select(w => (w.Mechanism, w.Window)),
            Is.EqualTo(new[] { "dpda", "mcafee", "uniform" }.SelectMany(m => new[] { (m, 0), (m, 1) })));
        // Not a vacuous agreement: the day's second window traded and paid the DSO under every mechanism.
        var daytime = _replay.OnChain.Where(w => w.Window == 1).ToList();
        Assert.That(daytime.Select(w => w.Matches), Is.All.GreaterThan(0));
        Assert.That(daytime.Select(w => w.Households.Values.Count(v => !v.IsZero)), Is.All.GreaterThanOrEqualTo(2));
        Assert.That(daytime.Select(w => w.Dso), Is.All.GreaterThan(BigInteger.Zero));
        var night = _replay.OnChain.Where(w => w.Window == 0).SelectMany(w => w.Households.Values).ToList();
        Assert.That(night, Has.All.Matches<BigInteger>(v => v.IsZero || v == -Options.OrderFeeWei));
        Assert.That(night, Has.Some.EqualTo(-Options.OrderFeeWei), "the night's bids paid their order fee");
    }

    [Test]
    public void A_ledger_one_wei_off_for_one_household_is_reported_with_its_window_and_amounts()
    {
        var target = _replay.Simulated.First(w => w.Mechanism == "mcafee" && w.Window == 1);
        var household = target.Households.First(h => !h.Value.IsZero).Key;
        var altered = _replay.Simulated.Select(w => w != target ? w : w with
        {
            Households = w.Households.ToDictionary(h => h.Key, h => h.Key == household ? h.Value + 1 : h.Value),
        }).ToList();

        var differences = ReplayComparison.Differences(altered, _replay.OnChain);

        Assert.That(differences, Has.Count.EqualTo(1));
        Assert.That(differences[0], Does.StartWith($"mcafee window 2, household {household}: chain {target.Households[household]} wei, simulation {target.Households[household] + 1} wei"));
        Assert.That(ReplayComparison.Verdict(Windows, ["dpda", "mcafee", "uniform"], 3, differences.Count), Does.StartWith("2 windows on chain: 1 result differs from the simulation"));
    }

    [Test]
    public void A_scenario_with_an_order_fee_above_the_chains_bound_is_refused()
    {
        Assert.That(ChainReplay.Problem(Options with { OrderFeeWei = WindowOptions.MaxOrderFee + 1 }, Windows), Does.Contain("order fee"));
        Assert.That(ChainReplay.Problem(Options with { OrderFeeWei = WindowOptions.MaxOrderFee }, Windows), Is.Null);
        Assert.That(ChainReplay.Problem(Options, Windows), Is.Null);
    }
}
