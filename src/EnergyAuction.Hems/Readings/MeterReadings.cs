namespace EnergyAuction.Hems.Readings;

/// <summary>
/// Readings ingested for one meter. Once a meter has import readings, its energy is the register
/// interpolated linearly (integer arithmetic, rounded down) between readings and held flat before
/// the first and after the last; once it has battery readings, its charge is the latest one.
/// </summary>
public sealed class MeterReadings
{
    private readonly SortedList<long, long> _import = [];
    private readonly SortedList<long, long> _battery = [];
    private readonly Lock _lock = new();

    /// <summary>True once an import register reading has been ingested.</summary>
    public bool HasImport { get { lock (_lock) return _import.Count > 0; } }

    /// <summary>True once a battery reading has been ingested.</summary>
    public bool HasBattery { get { lock (_lock) return _battery.Count > 0; } }

    /// <summary>
    /// Adds readings; all or none. Returns a problem (naming the field) when a reading is invalid,
    /// e.g. a register that would run backwards.
    /// </summary>
    public string? Add(IReadOnlyList<MeterReading> readings)
    {
        lock (_lock)
        {
            var import = new SortedList<long, long>(_import);
            var battery = new SortedList<long, long>(_battery);
            foreach (var r in readings)
            {
                if (r.Timestamp is not { } t || t < 0) return "timestamp: required, unix seconds >= 0";
                if (r.ImportWh is null && r.BatteryWh is null) return "importWh or batteryWh: at least one is required";
                if (r.ImportWh is < 0) return "importWh: must be >= 0";
                if (r.BatteryWh is < 0) return "batteryWh: must be >= 0";
                if (r.ImportWh is { } register) import[t] = register;
                if (r.BatteryWh is { } charge) battery[t] = charge;
            }
            for (var i = 1; i < import.Count; i++)
                if (import.GetValueAtIndex(i) < import.GetValueAtIndex(i - 1))
                    return $"importWh: the register may not run backwards (at timestamp {import.GetKeyAtIndex(i)})";
            Replace(_import, import);
            Replace(_battery, battery);
            return null;
        }
    }

    /// <summary>Wh imported during [from, to], from the interpolated register.</summary>
    public long ImportedWh(long from, long to)
    {
        lock (_lock) return Register(to) - Register(from);
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

    private long Register(long t)
    {
        if (t <= _import.GetKeyAtIndex(0)) return _import.GetValueAtIndex(0);
        for (var i = 1; i < _import.Count; i++)
        {
            var (t1, r1) = (_import.GetKeyAtIndex(i), _import.GetValueAtIndex(i));
            if (t > t1) continue;
            var (t0, r0) = (_import.GetKeyAtIndex(i - 1), _import.GetValueAtIndex(i - 1));
            return r0 + (long)((Int128)(r1 - r0) * (t - t0) / (t1 - t0));
        }
        return _import.GetValueAtIndex(_import.Count - 1);
    }

    private static void Replace(SortedList<long, long> target, SortedList<long, long> source)
    {
        target.Clear();
        foreach (var (k, v) in source) target.Add(k, v);
    }
}
