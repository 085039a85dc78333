// The data host comes from configuration, the port from a hand parse that is flagged elsewhere.
using System.Net.Sockets;

class ConfiguredClient
{
    public string DataHost { get; set; } = "10.0.0.5";

    public TcpClient Open(int port) => new TcpClient(DataHost, port);
}
