using System.Net;
using System.Net.Sockets;

namespace EnergyAuction.Devnet;

/// <summary>Ports for the services the devnet starts: everything listens on loopback only.</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
