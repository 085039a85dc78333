// A server building its 227 reply: the reverse computation, nothing parsed.
using System.IO;
using System.Net;
using System.Net.Sockets;

class PassiveListener
{
    public void EnterPassive(StreamWriter writer, IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        byte[] ip = address.GetAddressBytes();
        writer.WriteLine(string.Format("227 Entering Passive Mode ({0},{1},{2},{3},{4},{5})", ip[0], ip[1], ip[2], ip[3], port / 256, port % 256));
    }
}
