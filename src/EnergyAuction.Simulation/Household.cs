namespace EnergyAuction.Simulation;

/// <summary>
/// One household: feeder load number (LOAD1..LOAD55) and bus, PV peak in watts (0: no PV), battery capacity and start
/// charge in Wh, and the IEEE load profile it follows on each simulated day.
/// </summary>
public sealed record Household(int Number, string Bus, long PvPeakW, long BatteryCapacityWh, long BatteryStartWh, IReadOnlyList<int> ProfileByDay)
{
    /// <summary>Order and owner id in the market.</summary>
    public string Id => $"h{Number}";

    /// <summary>Whether it can produce (has PV).</summary>
    public bool IsProducer => PvPeakW > 0;
}
