using System.Globalization;
using System.Text.RegularExpressions;

namespace EnergyAuction.Explorer.Benchmarks;

/// <summary>
/// The JSON-RPC methods the Hardhat node served, counted from its log: it prints each method it answers on a line of
/// its own, batched calls included, so the count is what the node did, whoever asked. A run of the same method is one
/// line rewritten in place on a terminal ("eth_blockNumber", then "eth_blockNumber (2)"), so in a log file each
/// rewrite follows the line it replaces.
/// </summary>
internal sealed partial class NodeLog(string file)
{
    private long read;

    /// <summary>The methods served since the last call, by name.</summary>
    public IReadOnlyDictionary<string, int> Since()
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(read, SeekOrigin.Begin);
        using var text = new StreamReader(stream);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var (last, lastRun) = ("", 0);
        while (text.ReadLine() is { } line)
        {
            if (Method().Match(Colour().Replace(line, "")) is not { Success: true } m)
                continue;
            var method = m.Groups[1].Value;
            var run = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1;
            counts[method] = counts.GetValueOrDefault(method) + (run > 1 && method == last ? run - lastRun : run);
            (last, lastRun) = (method, run);
        }
        read = stream.Length;
        return counts;
    }

    [GeneratedRegex(@"^([a-z0-9]+_[A-Za-z0-9]+)(?: \((\d+)\))?\s*$")]
    private static partial Regex Method();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex Colour();
}
