// A server's command dispatcher: parses the PORT argument, builds the 227 reply.
using System.IO;
using System.Net;
using System.Net.Sockets;

class CommandHandler
{
    private IPEndPoint? _activeEndpoint;

    public void Handle(string command, string argument, StreamWriter writer)
    {
        switch (command)
        {
            case "PORT":
                string[] p = argument.Split(',');
                string host = p[0] + "." + p[1] + "." + p[2] + "." + p[3];
                int port = int.Parse(p[4]) * 256 + int.Parse(p[5]);
                _activeEndpoint = new IPEndPoint(IPAddress.Parse(host), port);
                writer.WriteLine("200 PORT command successful.");
                break;
            case "PASV":
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                int local = ((IPEndPoint)listener.LocalEndpoint).Port;
                writer.WriteLine("227 Entering Passive Mode (127,0,0,1," + (local >> 8) + "," + (local & 255) + ").");
                break;
        }
    }
}
