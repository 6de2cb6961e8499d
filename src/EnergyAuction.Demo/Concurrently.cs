using System.Collections.Concurrent;

namespace EnergyAuction.Demo;

/// <summary>Households act independently (each its own account and nonces), so their commands run a few at a time.</summary>
public static class Concurrently
{
    /// <summary>Two cores: more than four at once only queues up in the node.</summary>
    public const int Degree = 4;

    /// <summary>Runs <paramref name="action"/> for every item, <paramref name="degree"/> (default <see cref="Degree"/>) at a time; results in item order.</summary>
    public static async Task<IReadOnlyList<TResult>> MapAsync<T, TResult>(IEnumerable<T> items, Func<T, Task<TResult>> action, int degree = Degree)
    {
        var list = items.ToList();
        var results = new ConcurrentDictionary<int, TResult>();
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), new ParallelOptions { MaxDegreeOfParallelism = degree },
            async (i, _) => results[i] = await action(list[i]).ConfigureAwait(false)).ConfigureAwait(false);
        return [.. Enumerable.Range(0, list.Count).Select(i => results[i])];
    }

    /// <summary>Runs <paramref name="action"/> for every item, <paramref name="degree"/> at a time.</summary>
    public static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> action, int degree = Degree) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree }, async (item, _) => await action(item).ConfigureAwait(false));
}
