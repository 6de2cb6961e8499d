using System.Globalization;
using EnergyAuction.Market.Feeder;
using EnergyAuction.Operator.Options;

namespace EnergyAuction.Simulation.OnChain;

/// <summary>What a replay found: the simulation's and the chain's money per window, and every difference between them.</summary>
public sealed record ReplayResult(int Windows, IReadOnlyList<string> Mechanisms, IReadOnlyList<WindowMoney> Simulated, IReadOnlyList<WindowMoney> OnChain)
{
    /// <summary>Each household (and the DSO) whose chain result differs from the simulation's, with the amounts.</summary>
    public IReadOnlyList<string> Differences { get; } = ReplayComparison.Differences(Simulated, OnChain);

    /// <summary>True when every household of every replayed window agrees to the wei.</summary>
    public bool Agrees => Differences.Count == 0;

    /// <summary>The one-line verdict.</summary>
    public string Verdict => ReplayComparison.Verdict(Windows, Mechanisms, OnChain.Sum(w => w.Matches), Differences.Count);
}

/// <summary>
/// `energy market simulate --on-chain K`: the first K windows of a scenario, under every mechanism the chain knows
/// (grid-only has no local market, so nothing to replay), traded through the real market (<see cref="ReplayMarket"/>,
/// <see cref="ChainWindow"/>) and compared with the off-chain simulation of the same scenario, to the wei.
/// </summary>
public static class ChainReplay
{
    /// <summary>Why <paramref name="options"/> cannot be replayed for <paramref name="windows"/> windows, or null.</summary>
    public static string? Problem(ScenarioOptions options, int windows)
    {
        if (windows < 1 || windows > options.Windows)
            return string.Create(CultureInfo.InvariantCulture, $"--on-chain must be 1..{options.Windows} (the scenario's windows), got {windows}");
        return options.OrderFeeWei <= WindowOptions.MaxOrderFee
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"--on-chain: the chain's order fee is at most {WindowOptions.MaxOrderFee} wei (WindowBounds.MAX_ORDER_FEE), the scenario's is {options.OrderFeeWei}");
    }

    /// <summary>Replays the first <paramref name="windows"/> windows of <paramref name="scenario"/>.</summary>
    /// <exception cref="ArgumentException">See <see cref="Problem"/>.</exception>
    public static async Task<ReplayResult> RunAsync(Scenario scenario, FeederDistances feeder, string dataDirectory, int windows, Action<string> progress,
        CancellationToken ct = default)
    {
        if (Problem(scenario.Options, windows) is { } problem) throw new ArgumentException(problem);
        var onChain = MarketChoice.All.Where(m => m.Mechanism is not null).ToList();
        var results = onChain.Select(m => SimulationRunner.Run(scenario, feeder, m, keepBooks: true)).ToList();
        var simulated = results.SelectMany(r => ExpectedMoney.Of(r, scenario.Households, windows, scenario.Options.OrderFeeWei)).ToList();
        var flows = ScenarioFlows.FirstWindows(scenario, windows);
        var sellable = scenario.Households.Select(h => results.SelectMany(r => r.Placed.Take(windows))
            .SelectMany(p => p.Book.Offers).Where(o => o.Id == h.Id).Select(o => o.EnergyWh).DefaultIfEmpty(0).Max()).ToList();

        await using var market = await ReplayMarket.StartAsync(scenario.Households, sellable, dataDirectory, progress).ConfigureAwait(false);
        var chain = new List<WindowMoney>();
        foreach (var result in results)
            for (var w = 0; w < windows; w++)
            {
                var placed = result.Placed[w];
                chain.Add(await ChainWindow.TradeAsync(market, scenario.Options, result.Market, placed, flows[w], ct).ConfigureAwait(false));
                progress(string.Create(CultureInfo.InvariantCulture,
                    $"{result.Market.Name} window {w + 1}: {placed.Book.Offers.Count} offers and {placed.Book.Bids.Count} bids on chain, {chain[^1].Matches} matches settled"));
            }
        return new ReplayResult(windows, [.. onChain.Select(m => m.Name)], simulated, chain);
    }
}
