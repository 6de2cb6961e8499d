namespace EnergyAuction.Hems.Readings;

/// <summary>
/// Readings ingested for one meter. Once a meter has import or export register readings, both its
/// import and its export come from the registers (a register without readings counts zero): each is
/// interpolated linearly (integer arithmetic, rounded down) between readings and held flat before the
/// first and after the last. Once it has battery readings, its charge is the latest one.
/// </summary>
/// <param name="batteryCapacityWh">The household's battery capacity: no battery reading may exceed it.</param>
public sealed class MeterReadings(long batteryCapacityWh)
{
    private EnergyRegister _import = new();
    private EnergyRegister _export = new();
    private readonly SortedList<long, long> _battery = [];
    private readonly Lock _lock = new();

    /// <summary>True once an import or export register reading has been ingested.</summary>
    public bool HasRegisters { get { lock (_lock) return _import.Count + _export.Count > 0; } }

    /// <summary>True once a battery reading has been ingested.</summary>
    public bool HasBattery { get { lock (_lock) return _battery.Count > 0; } }

    /// <summary>
    /// Adds readings; all or none. Returns a problem (naming the field) when a reading is invalid,
    /// e.g. a register that would run backwards or a battery charge above the battery's capacity.
    /// </summary>
    public string? Add(IReadOnlyList<MeterReading> readings)
    {
        lock (_lock)
        {
            var import = _import.Copy();
            var export = _export.Copy();
            var battery = new SortedList<long, long>(_battery);
            foreach (var r in readings)
            {
                if (Problem(r) is { } problem) return problem;
                var t = r.Timestamp!.Value;
                if (r.ImportWh is { } imported) import.Set(t, imported);
                if (r.ExportWh is { } exported) export.Set(t, exported);
                if (r.BatteryWh is { } charge) battery[t] = charge;
            }
            if (import.FirstBackwardStep() is { } importAt)
                return $"importWh: the register may not run backwards (at timestamp {importAt})";
            if (export.FirstBackwardStep() is { } exportAt)
                return $"exportWh: the register may not run backwards (at timestamp {exportAt})";
            (_import, _export) = (import, export);
            _battery.Clear();
            foreach (var (t, v) in battery) _battery.Add(t, v);
            return null;
        }
    }

    /// <summary>Wh imported during [from, to], from the interpolated import register.</summary>
    public long ImportedWh(long from, long to)
    {
        lock (_lock) return _import.Between(from, to);
    }

    /// <summary>Wh exported during [from, to], from the interpolated export register.</summary>
    public long ExportedWh(long from, long to)
    {
        lock (_lock) return _export.Between(from, to);
    }

    /// <summary>Battery charge at <paramref name="t"/>: the latest reading at or before it, else the earliest.</summary>
    public long ChargeWh(long t)
    {
        lock (_lock)
        {
            var charge = _battery.GetValueAtIndex(0);
            foreach (var (time, value) in _battery)
                if (time <= t) charge = value;
            return charge;
        }
    }

    private string? Problem(MeterReading r) => r switch
    {
        { Timestamp: null or < 0 } => "timestamp: required, unix seconds >= 0",
        { ImportWh: null, ExportWh: null, BatteryWh: null } => "importWh, exportWh or batteryWh: at least one is required",
        { ImportWh: < 0 } => "importWh: must be >= 0",
        { ExportWh: < 0 } => "exportWh: must be >= 0",
        { BatteryWh: < 0 } => "batteryWh: must be >= 0",
        { BatteryWh: { } charge } when charge > batteryCapacityWh =>
            $"batteryWh: {charge} Wh is above this meter's battery capacity of {batteryCapacityWh} Wh",
        _ => null,
    };
}
