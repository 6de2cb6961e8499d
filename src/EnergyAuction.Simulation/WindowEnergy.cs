using EnergyAuction.Data.Profiles;

namespace EnergyAuction.Simulation;

/// <summary>
/// Wh of one window from the 1-minute load shapes and the half-hourly PV data. Each minute contributes its watts
/// (PV: the reference watts x peak / 1.04 kWp, kept as an exact product); the window's watt-minutes are divided by 60
/// (PV: by 60 x 1040) once, rounded down, so a window loses less than 1 Wh to rounding.
/// </summary>
public static class WindowEnergy
{
    /// <summary>Load of <paramref name="profile"/> over the minutes [firstMinute, firstMinute + minutes), in Wh.</summary>
    public static long LoadWh(LoadShapes shapes, int profile, int firstMinute, int minutes)
    {
        long wattMinutes = 0;
        for (var m = firstMinute; m < firstMinute + minutes; m++)
            wattMinutes += shapes.Watts(profile, m);
        return wattMinutes / 60;
    }

    /// <summary>Generation of a <paramref name="peakW"/> installation on <paramref name="day"/> over the same minutes, in Wh.</summary>
    public static long PvWh(PvGeneration pv, long peakW, DateOnly day, int firstMinute, int minutes)
    {
        if (peakW == 0)
            return 0;
        long scaled = 0;
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        for (var m = firstMinute; m < firstMinute + minutes; m++)
            scaled += pv.ReferenceWatts(midnight.AddMinutes(m)) * peakW;
        return scaled / (60 * PvGeneration.ReferencePeakWatts);
    }
}
