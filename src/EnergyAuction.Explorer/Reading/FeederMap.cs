using System.Globalization;
using EnergyAuction.Data.Feeder;

namespace EnergyAuction.Explorer.Reading;

/// <summary>
/// The feeder as a picture: each bus's coordinates (buscoords.csv: bus,x,y in metres) and the lines between buses
/// (lines.csv), from the IEEE LV feeder folder. Null from <see cref="Load"/> when the folder has no coordinates
/// (the engine's fallback feeder), so the page says there is no map.
/// </summary>
public sealed record FeederMap(IReadOnlyDictionary<string, (double X, double Y)> Buses, IReadOnlyList<(string From, string To)> Lines)
{
    public const string CoordinatesFile = "buscoords.csv";

    public static FeederMap? Load(string feederDirectory)
    {
        var coordinates = Path.Combine(feederDirectory, CoordinatesFile);
        if (!File.Exists(coordinates) || !File.Exists(Path.Combine(feederDirectory, "lines.csv")))
            return null;
        var buses = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        var rows = File.ReadAllLines(coordinates);
        var header = rows[0].Split(',').Select(h => h.Trim()).ToList();
        int bus = header.IndexOf("bus"), x = header.IndexOf("x"), y = header.IndexOf("y");
        if (bus < 0 || x < 0 || y < 0)
            throw new InvalidDataException($"{coordinates}: expected the columns bus,x,y");
        for (var n = 1; n < rows.Length; n++)
        {
            if (string.IsNullOrWhiteSpace(rows[n]))
                continue;
            var cells = rows[n].Split(',');
            if (cells.Length < header.Count
                || !double.TryParse(cells[x], NumberStyles.Float, CultureInfo.InvariantCulture, out var bx)
                || !double.TryParse(cells[y], NumberStyles.Float, CultureInfo.InvariantCulture, out var by))
                throw new InvalidDataException($"{coordinates} line {n + 1}: expected a bus name and two numbers");
            buses[cells[bus].Trim()] = (bx, by);
        }
        var lines = FeederFiles.LoadDirectory(feederDirectory).Lines.Select(l => (l.Bus1, l.Bus2)).ToList();
        return new FeederMap(buses, lines);
    }
}
