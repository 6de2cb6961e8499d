namespace EnergyAuction.Hems.Readings;

/// <summary>
/// A cumulative energy register (Wh) known at some timestamps: interpolated linearly between them with
/// integer arithmetic (rounded down), held flat before the first and after the last; zero with no readings.
/// Not thread-safe: <see cref="MeterReadings"/> locks around it.
/// </summary>
internal sealed class EnergyRegister
{
    private readonly SortedList<long, long> _values = [];

    public int Count => _values.Count;

    public EnergyRegister Copy()
    {
        var copy = new EnergyRegister();
        foreach (var (t, v) in _values) copy._values.Add(t, v);
        return copy;
    }

    public void Set(long t, long wh) => _values[t] = wh;

    /// <summary>The first timestamp at which the register would run backwards, or null.</summary>
    public long? FirstBackwardStep()
    {
        for (var i = 1; i < _values.Count; i++)
            if (_values.GetValueAtIndex(i) < _values.GetValueAtIndex(i - 1))
                return _values.GetKeyAtIndex(i);
        return null;
    }

    /// <summary>Wh registered during [from, to].</summary>
    public long Between(long from, long to) => _values.Count == 0 ? 0 : At(to) - At(from);

    private long At(long t)
    {
        if (t <= _values.GetKeyAtIndex(0)) return _values.GetValueAtIndex(0);
        for (var i = 1; i < _values.Count; i++)
        {
            var (t1, r1) = (_values.GetKeyAtIndex(i), _values.GetValueAtIndex(i));
            if (t > t1) continue;
            var (t0, r0) = (_values.GetKeyAtIndex(i - 1), _values.GetValueAtIndex(i - 1));
            return r0 + (long)((Int128)(r1 - r0) * (t - t0) / (t1 - t0));
        }
        return _values.GetValueAtIndex(_values.Count - 1);
    }
}
