namespace EnergyAuction.Data.Profiles;

/// <summary>
/// Gross PV generation of Ausgrid customer 12 (1.04 kWp), half-hourly from 2011-07-01 to 2012-06-30,
/// in watts. A calendar date maps to the same month and day of that year (July-December 2011,
/// January-June 2012), so every date, including 29 February, has a value.
/// </summary>
public sealed class PvGeneration
{
    /// <summary>Peak power of the measured installation, in watts.</summary>
    public const long ReferencePeakWatts = 1040;

    /// <summary>Half-hours in the year the data covers (366 days x 48).</summary>
    public const int HalfHours = 366 * 48;

    private static readonly DateOnly FirstDay = new(2011, 7, 1);
    private readonly long[] _watts;

    private PvGeneration(long[] watts) => _watts = watts;

    /// <summary>Watts of the 1.04 kWp reference installation during the half-hour holding <paramref name="utc"/>.</summary>
    public long ReferenceWatts(DateTime utc)
    {
        var year = utc.Month >= 7 ? 2011 : 2012;
        var day = new DateOnly(year, utc.Month, utc.Day).DayNumber - FirstDay.DayNumber;
        return _watts[day * 48 + (utc.Hour * 60 + utc.Minute) / 30];
    }

    /// <summary>Reads <c>ausgrid_customer12_2011-2012_30min.csv</c> (timestamp, gc_kw, gg_kw).</summary>
    public static PvGeneration Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length - 1 != HalfHours)
            throw new InvalidDataException($"{path}: expected {HalfHours} rows, found {lines.Length - 1}");
        var watts = new long[HalfHours];
        for (var row = 1; row < lines.Length; row++)
            watts[row - 1] = KilowattText.ToWatts(lines[row].Split(',')[2]);
        return new PvGeneration(watts);
    }

    /// <summary>Stand-in when the real data is absent: the same clear-sky day, 06:00-18:00, peaking at 900 W.</summary>
    public static PvGeneration Generated()
    {
        var watts = new long[HalfHours];
        for (var i = 0; i < HalfHours; i++)
        {
            var fromNoon = Math.Abs(i % 48 - 24);
            watts[i] = fromNoon >= 12 ? 0 : 900 * (144 - fromNoon * fromNoon) / 144;
        }
        return new PvGeneration(watts);
    }
}
