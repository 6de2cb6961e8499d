namespace EnergyAuction.Explorer.Benchmarks;

/// <summary>One cold render of the Window page: its wall-clock time, the processor time the node and this process
/// (the explorer, in process) spent on it, the JSON-RPC methods the node served for it, and the machine's load
/// average (1 minute) right after it. Processor times hold when other work loads the machine; wall-clock times do not.</summary>
internal sealed record ColdRender(long Ms, long NodeCpuMs, long ExplorerCpuMs, IReadOnlyDictionary<string, int> NodeMethods, string Load)
{
    public override string ToString() =>
        $"{Ms} ms (node CPU {NodeCpuMs} ms, explorer CPU {ExplorerCpuMs} ms; the node served {NodeMethods.Values.Sum()} calls: "
        + string.Join(", ", NodeMethods.Select(m => $"{m.Value} {m.Key}")) + $"; load {Load})";
}

/// <summary>The cold renders' figures against the goal.</summary>
internal sealed class ColdRenders(IReadOnlyList<ColdRender> runs)
{
    public long MedianMs => Percentile(runs.Select(r => r.Ms), 50);

    /// <summary>The time 90 % of the cold renders stay within (nearest rank).</summary>
    public long P90Ms => Percentile(runs.Select(r => r.Ms), 90);

    public long MedianNodeCpuMs => Percentile(runs.Select(r => r.NodeCpuMs), 50);

    public long MedianExplorerCpuMs => Percentile(runs.Select(r => r.ExplorerCpuMs), 50);

    /// <summary>Whether both the median and the p90 are under the goal.</summary>
    public bool Passes(long goalMs) => MedianMs < goalMs && P90Ms < goalMs;

    /// <summary>One line: median, p90, range and PASS or FAIL.</summary>
    public string Verdict(long goalMs) =>
        $"cold render of {runs.Count} runs: median {MedianMs} ms, p90 {P90Ms} ms, {runs.Min(r => r.Ms)}-{runs.Max(r => r.Ms)} ms; "
        + $"median node CPU {MedianNodeCpuMs} ms, explorer CPU {MedianExplorerCpuMs} ms: "
        + (Passes(goalMs) ? "PASS" : "FAIL") + $" against {goalMs} ms";

    private static long Percentile(IEnumerable<long> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
    }
}
