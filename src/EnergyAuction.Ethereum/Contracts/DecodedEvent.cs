using EnergyAuction.Ethereum.Abi;

namespace EnergyAuction.Ethereum.Contracts;

/// <summary>A contract event with its fields by name, and where it was logged.</summary>
public sealed record DecodedEvent(
    string Name, IReadOnlyDictionary<string, object?> Args, ulong BlockNumber, string TransactionHash, int LogIndex)
{
    /// <summary>The fields mapped onto an event DTO record, by constructor parameter name (case-insensitive),
    /// falling back to field order.</summary>
    public T As<T>()
    {
        var constructor = typeof(T).GetConstructors().FirstOrDefault(c => c.GetParameters().Length == Args.Count)
            ?? throw new InvalidCastException($"{typeof(T).Name} has no constructor with {Args.Count} parameters for event {Name}");
        var values = Args.Values.ToList();
        var byName = Args.ToDictionary(a => a.Key, a => a.Value, StringComparer.OrdinalIgnoreCase);
        var ordered = constructor.GetParameters()
            .Select((p, i) => p.Name is not null && byName.TryGetValue(p.Name, out var v) ? v : values[i]).ToList();
        return AbiDecoder.MapTo<T>(ordered.Count == 1 ? [ordered[0]] : ordered) ?? throw new InvalidCastException($"cannot map {Name}");
    }
}
