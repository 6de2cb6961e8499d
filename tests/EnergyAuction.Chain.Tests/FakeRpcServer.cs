using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace EnergyAuction.Chain.Tests;

/// <summary>A real HTTP server on a free loopback port that answers JSON-RPC however a fault test scripts it.</summary>
internal sealed class FakeRpcServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, JsonElement, Task<Reply>> _handler;
    private readonly List<string> _methods = [];

    public FakeRpcServer(Func<string, JsonElement, Task<Reply>> handler)
    {
        _handler = handler;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Methods received, in arrival order (a batch counts as its first method).</summary>
    public IReadOnlyList<string> Methods
    {
        get
        {
            lock (_methods) return [.. _methods];
        }
    }

    public static Reply Result(JsonElement request, string resultJson) =>
        new(200, $"{{\"jsonrpc\":\"2.0\",\"id\":{request.GetProperty("id").GetRawText()},\"result\":{resultJson}}}");

    public static Reply Error(JsonElement request, int code, string message, string dataJson = "null") =>
        new(200, $"{{\"jsonrpc\":\"2.0\",\"id\":{request.GetProperty("id").GetRawText()},\"error\":{{\"code\":{code},\"message\":\"{message}\",\"data\":{dataJson}}}}}");

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        using var body = JsonDocument.Parse(await reader.ReadToEndAsync());
        var first = body.RootElement.ValueKind == JsonValueKind.Array ? body.RootElement[0] : body.RootElement;
        var method = first.GetProperty("method").GetString()!;
        lock (_methods) _methods.Add(method);
        var reply = await _handler(method, body.RootElement);
        try
        {
            if (reply.Drop)
            {
                // Outlive the client's attempt timeout, then cut the connection: the caller never learns the outcome.
                await Task.Delay(TimeSpan.FromSeconds(2));
                context.Response.Abort();
                return;
            }
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // the client gave up (timeout test) or the server is shutting down
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal sealed record Reply(int Status, string Body, bool Drop = false)
    {
        public static readonly Reply Dropped = new(0, "", true);
    }
}
