using System.Net;

namespace EnergyAuction.Explorer.Tests;

/// <summary>The live updates: /events tells open pages of every new block, and every page loads the script that
/// re-reads it; the numbers stay in the plain HTML.</summary>
public sealed class LiveUpdateTests
{
    [Test]
    public async Task EveryOpenEventStreamHearsOfANewBlock()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var streams = new List<EventReader>();
        try
        {
            for (var i = 0; i < 3; i++)
                streams.Add(await EventReader.OpenAsync(timeout.Token));
            var before = await ExplorerMarket.Operator.Rpc.BlockNumberAsync();
            foreach (var stream in streams)
                Assert.That(await stream.NextBlockAsync(timeout.Token), Is.EqualTo(before.ToString()), "the block the stream opened at");

            await ExplorerMarket.Node.MineAsync();

            foreach (var stream in streams)
                Assert.That(await stream.NextBlockAsync(timeout.Token), Is.EqualTo((before + 1).ToString()));
        }
        finally
        {
            foreach (var stream in streams)
                stream.Dispose();
        }
    }

    [Test]
    public async Task TheLiveScriptIsServedByTheExplorerItself()
    {
        using var response = await ExplorerMarket.Http.GetAsync("/live.js");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("new EventSource('/events')"));
    }

    [Test]
    public async Task EveryPageLoadsTheLiveScriptAndSaysWhichBlockItShows()
    {
        foreach (var path in new[] { "/", $"/window/{ExplorerMarket.Honest.Id}", "/household/B-1" })
        {
            var block = await ExplorerMarket.Operator.Rpc.BlockNumberAsync();
            var html = await ExplorerMarket.Http.GetStringAsync(path);
            Assert.That(html, Does.Contain("<script src=\"/live.js\" defer></script>"), path);
            Assert.That(html, Does.Contain($"<main data-block=\"{block}\">"), path);
        }
    }

    /// <summary>One open /events stream, read event by event.</summary>
    private sealed class EventReader : IDisposable
    {
        private readonly HttpResponseMessage response;
        private readonly StreamReader reader;

        private EventReader(HttpResponseMessage response, StreamReader reader)
        {
            this.response = response;
            this.reader = reader;
        }

        public static async Task<EventReader> OpenAsync(CancellationToken ct)
        {
            var response = await ExplorerMarket.Http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, ct);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
            return new EventReader(response, new StreamReader(await response.Content.ReadAsStreamAsync(ct)));
        }

        /// <summary>The data of the next block event.</summary>
        public async Task<string> NextBlockAsync(CancellationToken ct)
        {
            var isBlock = false;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (line == "event: block")
                    isBlock = true;
                else if (isBlock && line.StartsWith("data: ", StringComparison.Ordinal))
                    return line["data: ".Length..];
            }
            throw new EndOfStreamException("the event stream ended");
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
