// A server's PORT handler in its own method: "h1,h2,h3,h4,p1,p2" without parentheses or 227.
using System.Net;
using System.Net.Sockets;

class ActiveDataConnection
{
    public static TcpClient Connect(string argument)
    {
        var n = argument.Split(',');
        var address = IPAddress.Parse(string.Join(".", n, 0, 4));
        var client = new TcpClient();
        client.Connect(new IPEndPoint(address, int.Parse(n[4]) * 256 + int.Parse(n[5])));
        return client;
    }
}
