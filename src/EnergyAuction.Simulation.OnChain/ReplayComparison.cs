using System.Globalization;
using System.Numerics;

namespace EnergyAuction.Simulation.OnChain;

/// <summary>The chain's money against the simulation's, household by household and window by window, to the wei.</summary>
public static class ReplayComparison
{
    /// <summary>One line per household (and DSO) whose chain result differs from the simulation's; empty when all agree.</summary>
    public static IReadOnlyList<string> Differences(IReadOnlyList<WindowMoney> simulated, IReadOnlyList<WindowMoney> onChain)
    {
        var chain = onChain.ToDictionary(m => (m.Mechanism, m.Window));
        var differences = new List<string>();
        foreach (var expected in simulated)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{expected.Mechanism} window {expected.Window + 1}");
            if (!chain.TryGetValue((expected.Mechanism, expected.Window), out var actual))
            {
                differences.Add($"{where}: not replayed on chain");
                continue;
            }
            foreach (var (household, wei) in expected.Households)
                Compare(differences, $"{where}, household {household}", actual.Households.GetValueOrDefault(household), wei);
            Compare(differences, $"{where}, DSO fees", actual.Dso, expected.Dso);
            if (actual.Matches != expected.Matches)
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{where}: {actual.Matches} matches on chain, {expected.Matches} in the simulation"));
        }
        return differences;
    }

    /// <summary>The verdict line: agreement over <paramref name="windows"/> windows of each mechanism, or how many results
    /// differ; it says how many matches were settled, so an agreement on windows that traded nothing shows as such.</summary>
    public static string Verdict(int windows, IReadOnlyList<string> mechanisms, int matches, int differences)
    {
        var finding = differences switch
        {
            0 => "every household agrees to the wei",
            1 => "1 result differs from the simulation",
            _ => string.Create(CultureInfo.InvariantCulture, $"{differences} results differ from the simulation"),
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{windows} window{(windows == 1 ? "" : "s")} on chain: {finding} ({string.Join(", ", mechanisms)}: {matches} matches settled; grid-only needs no chain)");
    }

    private static void Compare(List<string> differences, string who, BigInteger chain, BigInteger simulation)
    {
        if (chain != simulation)
            differences.Add(string.Create(CultureInfo.InvariantCulture,
                $"{who}: chain {chain} wei, simulation {simulation} wei (chain - simulation = {chain - simulation} wei)"));
    }
}
