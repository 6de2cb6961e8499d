using Microsoft.AspNetCore.Http;

namespace EnergyAuction.Explorer.Live;

/// <summary>
/// <c>GET /events</c>: server-sent events, one <c>block</c> event per change the <see cref="BlockWatch"/> sees (data: the
/// block number, or <c>down</c> while the node does not answer), and a comment every 15 s so proxies keep it open.
/// </summary>
public static class EventStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Streams until the page goes away or the explorer stops (<paramref name="stopping"/>: an open stream
    /// must not hold up shutdown).</summary>
    public static async Task ServeAsync(HttpContext http, BlockWatch watch, CancellationToken stopping)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping);
        var ct = ended.Token;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        using var subscription = watch.Subscribe();
        await http.Response.WriteAsync($"retry: 2000\n\n{Event(watch.Latest)}", ct);
        await http.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(KeepAlive);
                string text;
                try
                {
                    text = Event(await subscription.Changes.ReadAsync(wait.Token));
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    text = ": still here\n\n";
                }
                await http.Response.WriteAsync(text, ct);
                await http.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The page went away or the explorer is stopping: nothing more to send.
        }
    }

    private static string Event(ChainState state) => $"event: block\ndata: {(state.NodeUp ? state.Block.ToString() : "down")}\n\n";
}
