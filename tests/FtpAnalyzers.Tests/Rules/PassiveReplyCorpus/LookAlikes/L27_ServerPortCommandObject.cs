// A server's PORT command class: the argument parsed, the address connected (active mode).
using System.Net;
using System.Net.Sockets;

sealed class PortCommand
{
    public string Name => "PORT";

    public TcpClient Execute(string argument)
    {
        string[] hostPort = argument.Split(',');
        var address = new IPAddress(new[] { byte.Parse(hostPort[0]), byte.Parse(hostPort[1]), byte.Parse(hostPort[2]), byte.Parse(hostPort[3]) });
        int port = (int.Parse(hostPort[4]) << 8) + int.Parse(hostPort[5]);
        var client = new TcpClient();
        client.Connect(address, port);
        return client;
    }
}
