// PassiveEndpoint for the port, the control host for the address.
using System.Net.Sockets;
using Ftp;

class ControlHostClient
{
    private readonly string _host;

    public ControlHostClient(string host) => _host = host;

    public TcpClient Open(FtpReply reply)
    {
        int port = PassiveEndpoint.Parse(reply).Port;
        return new TcpClient(_host, port);
    }
}
