namespace EnergyAuction.Hems.Households;

/// <summary>
/// One metered household: its meter id, the feeder load whose shape it consumes, its PV peak power
/// and its battery. A household without PV or battery is a pure consumer.
/// </summary>
/// <param name="Meter">Meter id, e.g. "M-7".</param>
/// <param name="Load">Feeder load number N (LOADN, load shape N).</param>
/// <param name="PvPeakWatts">PV peak power in W (kWp x 1000).</param>
/// <param name="BatteryCapacityWh">Usable battery capacity in Wh.</param>
/// <param name="InitialChargeWh">Battery charge in Wh when the meters start.</param>
public sealed record Household(string Meter, int Load, long PvPeakWatts, long BatteryCapacityWh, long InitialChargeWh);
