using System.Net;
using System.Net.Sockets;

namespace DatabaseExpert.Postgres.Shadow.Internal;

/// <summary>Asks the kernel for a free loopback port. Another process may take it before the server binds: callers retry.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
