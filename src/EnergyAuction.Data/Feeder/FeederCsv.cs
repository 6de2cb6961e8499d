using EnergyAuction.Market.Feeder;

namespace EnergyAuction.Data.Feeder;

/// <summary>
/// Reads the CSV form of shared/data/ieee-eu-lv: lines (name,bus1,bus2,length_m) and loads
/// (name,bus,...). Columns are found by header name, so extra columns are ignored.
/// </summary>
internal static class FeederCsv
{
    public static IReadOnlyList<FeederLine> ReadLines(string path) =>
        Rows(path, ["name", "bus1", "bus2", "length_m"], (row, line) =>
        {
            if (!Micrometres.TryParseMetres(row[3], out var length))
                throw new FeederException($"{path} line {line}: length_m \"{row[3]}\" of {row[0]} is not a non-negative decimal with at most 6 decimals");
            return new FeederLine(row[0], row[1], row[2], length);
        });

    public static IReadOnlyList<FeederLoad> ReadLoads(string path) =>
        Rows(path, ["name", "bus"], (row, _) => new FeederLoad(row[0], row[1]));

    private static List<T> Rows<T>(string path, string[] columns, Func<string[], int, T> parse)
    {
        if (!File.Exists(path))
            throw new FeederException($"feeder file {path} does not exist");
        var text = File.ReadAllLines(path);
        if (text.Length == 0)
            throw new FeederException($"{path} is empty");
        var header = text[0].Split(',').Select(h => h.Trim()).ToList();
        var index = columns.Select(c =>
        {
            var i = header.IndexOf(c);
            return i >= 0 ? i : throw new FeederException($"{path} has no column \"{c}\"");
        }).ToArray();

        var rows = new List<T>(text.Length - 1);
        for (var n = 1; n < text.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(text[n]))
                continue;
            var cells = text[n].Split(',');
            if (cells.Length < header.Count)
                throw new FeederException($"{path} line {n + 1}: expected {header.Count} columns, got {cells.Length}");
            rows.Add(parse(index.Select(i => cells[i].Trim()).ToArray(), n + 1));
        }

        return rows;
    }
}
