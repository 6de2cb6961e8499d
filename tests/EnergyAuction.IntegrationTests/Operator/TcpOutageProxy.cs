using System.Net;
using System.Net.Sockets;

namespace EnergyAuction.IntegrationTests.Operator;

/// <summary>
/// A loopback TCP forwarder between the daemon and the node that can be cut (listener closed, every open connection
/// dropped: the node becomes unreachable) and restored on the same port.
/// </summary>
public sealed class TcpOutageProxy : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cts = new();
    private Task _accepting = Task.CompletedTask;

    private TcpOutageProxy(int targetPort, int port)
    {
        _targetPort = targetPort;
        Port = port;
    }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";

    public static TcpOutageProxy Start(int targetPort)
    {
        var proxy = new TcpOutageProxy(targetPort, 0);
        proxy.Restore();
        return proxy;
    }

    /// <summary>The node disappears for the daemon.</summary>
    public void Cut()
    {
        _cts.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
    }

    /// <summary>The node is reachable again, on the same port.</summary>
    public void Restore()
    {
        _cts = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener, _cts.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = PipeAsync(client, ct);
        }
    }

    private async Task PipeAsync(TcpClient client, CancellationToken ct)
    {
        var upstream = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(upstream);
        }
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, ct);
            await Task.WhenAny(client.GetStream().CopyToAsync(upstream.GetStream(), ct), upstream.GetStream().CopyToAsync(client.GetStream(), ct));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // A cut or a closed side ends the connection, as a dead node would.
        }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting;
    }
}
