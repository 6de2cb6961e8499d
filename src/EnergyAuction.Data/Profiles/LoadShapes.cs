namespace EnergyAuction.Data.Profiles;

/// <summary>The IEEE European LV feeder's daily load shapes: watts for each minute of the day, per shape number.</summary>
public sealed class LoadShapes
{
    /// <summary>Minutes in the one day the shapes cover.</summary>
    public const int MinutesPerDay = 1440;

    private readonly long[][] _watts;

    private LoadShapes(long[][] watts) => _watts = watts;

    /// <summary>Number of shapes (1-based numbers 1..Count).</summary>
    public int Count => _watts.Length;

    /// <summary>Watts of shape <paramref name="shape"/> (1-based) during minute <paramref name="minuteOfDay"/> (0 = 00:00-00:01, point 1).</summary>
    public long Watts(int shape, int minuteOfDay) => _watts[shape - 1][minuteOfDay];

    /// <summary>Reads <c>ieee_eulv_load_profiles_1min.csv</c> (columns point, load_profile_1..N; 1440 rows).</summary>
    public static LoadShapes Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var shapes = lines[0].Split(',').Length - 1;
        if (lines.Length - 1 != MinutesPerDay)
            throw new InvalidDataException($"{path}: expected {MinutesPerDay} rows, found {lines.Length - 1}");
        var watts = new long[shapes][];
        for (var s = 0; s < shapes; s++) watts[s] = new long[MinutesPerDay];
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = lines[row].Split(',');
            for (var s = 0; s < shapes; s++)
                watts[s][row - 1] = KilowattText.ToWatts(cells[s + 1]);
        }
        return new LoadShapes(watts);
    }

    /// <summary>Stand-in shapes when the real data is absent: a base load with a morning and an evening peak.</summary>
    public static LoadShapes Generated(int count)
    {
        var watts = new long[count][];
        for (var s = 0; s < count; s++)
        {
            watts[s] = new long[MinutesPerDay];
            for (var m = 0; m < MinutesPerDay; m++)
            {
                var hour = m / 60;
                var peak = hour is >= 7 and < 9 ? 600 : hour is >= 18 and < 22 ? 900 : 0;
                watts[s][m] = 150 + 10 * (s + 1) + peak;
            }
        }
        return new LoadShapes(watts);
    }
}
