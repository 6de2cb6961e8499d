using System.Numerics;
using EnergyAuction.Chain;
using EnergyAuction.Clearing;

namespace EnergyAuction.Explorer.Reading;

/// <summary>What one mechanism makes of the window's book: its price (null for no trade), traded energy and matches.</summary>
public sealed record MechanismResult(Mechanism Mechanism, BigInteger? Price, ulong TradedWh, int Matches);

/// <summary>
/// A window's clearing recomputed by Clearing from the on-chain book: each mechanism's result (the window's own one
/// as an honest operator would post it, <see cref="WindowClearing.Compute"/>), and once the window is cleared the
/// comparison with what was posted and the hash of the posted price and matches (<see cref="ClearingResultHash"/>),
/// to set beside the result hash the chain holds. A cleared window's book and posting never change, so its audit is
/// kept.
/// </summary>
public sealed record ClearingAudit(IReadOnlyList<MechanismResult> Mechanisms, ClearingComparison? Comparison)
{
    /// <summary>The hash of the posted price and matches, once the window is cleared (the comparison computed it).</summary>
    public byte[]? PostedMatchesHash => Comparison?.PostedMatchesHash;

    private static readonly Mechanism[] All = [Mechanism.Dpda, Mechanism.Mcafee, Mechanism.Uniform];

    public static ClearingAudit Of(WindowRecord window, ClearingFeeder feeder, MarketLimits limits, ClearingUnits units)
    {
        var book = window.ClearingBook();
        var w = window.Info;
        // The three clearings are independent: on more than one core they run side by side.
        var others = All.Where(m => m != w.Params.Mechanism).Select(mechanism => Task.Run(() =>
        {
            var paired = WindowClearing.ClearAndPair(w.Params with { Mechanism = mechanism }, book, feeder.Distances, limits.MaxMatchesPerBid);
            return new MechanismResult(mechanism, paired.Price, (ulong)paired.Matches.Sum(m => m.EnergyWh), paired.Matches.Count);
        })).ToList();
        var plan = WindowClearing.Compute(w.Params, book, feeder.Distances, limits.MaxMatchesPerBid);
        var own = new MechanismResult(w.Params.Mechanism, plan.Matches.Count == 0 ? null : plan.Price, plan.Matches.Aggregate(0UL, (s, m) => s + m.EnergyWh), plan.Matches.Count);
        var results = others.Select(t => t.Result).Append(own).OrderBy(r => Array.IndexOf(All, r.Mechanism)).ToList();
        var comparison = window.IsCleared ? ClearingComparison.Of(window.Id, w.Price, window.Matches, w.ResultHash, plan, units) : null;
        return new ClearingAudit(results, comparison);
    }
}
