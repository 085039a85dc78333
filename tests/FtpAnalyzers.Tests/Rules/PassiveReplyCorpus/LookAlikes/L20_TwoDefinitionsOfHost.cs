// The advertised host is replaced when it differs from the control host: not every path uses it.
using System.Net.Sockets;

class CheckedClient
{
    public TcpClient Open(string controlHost, string[] pasvNumbers, int port)
    {
        string host = string.Join(".", pasvNumbers, 0, 4);
        if (host != controlHost)
            host = controlHost;
        return new TcpClient(host, port);
    }
}
