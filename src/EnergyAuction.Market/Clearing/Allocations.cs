using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace EnergyAuction.Market.Clearing;

/// <summary>
/// Winners of one side by id, enumerated in price-priority order (the order pairing and
/// on-chain posting use), so the dictionary view and the ordered view are one object.
/// </summary>
public sealed class Allocations : IReadOnlyDictionary<string, long>, IEquatable<Allocations>
{
    // Built on the first lookup by id: clearing itself only enumerates, and skipping the index
    // for tens of thousands of winners is a measurable part of a 100,000-order clearing.
    private readonly Lazy<Dictionary<string, long>> _byId;

    /// <exception cref="ArgumentException">An id appears twice (on the first lookup by id).</exception>
    public Allocations(IEnumerable<Allocation> inPriorityOrder)
    {
        var inOrder = inPriorityOrder.ToArray();
        InOrder = inOrder;
        _byId = new Lazy<Dictionary<string, long>>(() => inOrder.ToDictionary(a => a.Id, a => a.EnergyWh, StringComparer.Ordinal));
    }

    public static Allocations None { get; } = new([]);

    public IReadOnlyList<Allocation> InOrder { get; }

    /// <summary>Sum of the allocations in Wh (Int128: a side may hold more than long.MaxValue in total).</summary>
    public Int128 TotalWh => InOrder.Aggregate(Int128.Zero, (sum, a) => sum + a.EnergyWh);

    public long this[string key] => _byId.Value[key];

    public IEnumerable<string> Keys => InOrder.Select(a => a.Id);

    public IEnumerable<long> Values => InOrder.Select(a => a.EnergyWh);

    public int Count => InOrder.Count;

    public bool ContainsKey(string key) => _byId.Value.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out long value) => _byId.Value.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, long>> GetEnumerator() =>
        InOrder.Select(a => KeyValuePair.Create(a.Id, a.EnergyWh)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(Allocations? other) => other is not null && InOrder.SequenceEqual(other.InOrder);

    public override bool Equals(object? obj) => Equals(obj as Allocations);

    public override int GetHashCode() => InOrder.Aggregate(InOrder.Count, (hash, a) => HashCode.Combine(hash, a));

    public override string ToString() => string.Join(", ", InOrder.Select(a => $"{a.Id}: {a.EnergyWh}"));
}
