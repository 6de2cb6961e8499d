using System.Collections.Concurrent;
using EnergyAuction.Explorer.Pages;

namespace EnergyAuction.Explorer.Live;

/// <summary>
/// Each page rendered once per block: every open page re-fetches itself on the same block event, so the viewers of a
/// page share one render (and its chain reads) instead of each paying for it. A new block empties the cache.
/// </summary>
public sealed class PageCache
{
    private readonly Lock gate = new();
    private ulong block;
    private ConcurrentDictionary<string, Lazy<Task<PageResult>>> pages = new(StringComparer.Ordinal);

    /// <summary>The page for <paramref name="path"/> at <paramref name="atBlock"/>, rendered now unless a request at the
    /// same block already did or is doing it. Renders run to the end even if the request that started them goes away.</summary>
    public Task<PageResult> GetAsync(string path, ulong atBlock, Func<Task<PageResult>> render)
    {
        ConcurrentDictionary<string, Lazy<Task<PageResult>>> current;
        lock (gate)
        {
            if (atBlock != block)
            {
                block = atBlock;
                pages = new(StringComparer.Ordinal);
            }
            current = pages;
        }
        var page = current.GetOrAdd(path, _ => new Lazy<Task<PageResult>>(render));
        return Forget(current, path, page);
    }

    // A failed render (the node went away mid-page) must not be served again at this block.
    private static async Task<PageResult> Forget(ConcurrentDictionary<string, Lazy<Task<PageResult>>> pages, string path, Lazy<Task<PageResult>> page)
    {
        try
        {
            return await page.Value;
        }
        catch
        {
            pages.TryRemove(KeyValuePair.Create(path, page));
            throw;
        }
    }
}
