namespace EnergyAuction.Hems.Readings;

/// <summary>
/// One reading posted to <c>POST /meters/{id}/readings</c>: at <see cref="Timestamp"/> (unix seconds),
/// the cumulative import and/or export registers in Wh and/or the battery charge in Wh.
/// </summary>
public sealed record MeterReading(long? Timestamp, long? ImportWh, long? BatteryWh, long? ExportWh = null);
